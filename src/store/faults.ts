// What a failed write says about the store. Busy: another connection holds the lock for now;
// the write waits its turn in memory. A fault of the store itself (read-only, full, I/O, gone):
// the connection is dropped and the file reopened on a backoff, and only a write that succeeds
// counts as the store being back. Anything else is that one write's own problem.
import { ErrorCode, WhichToolError } from '../core/errors.js';

export class StoreUnavailableError extends WhichToolError {
  constructor(message: string) {
    super(ErrorCode.StoreUnavailable, message);
    this.name = 'StoreUnavailableError';
  }
}

const codeOf = (err: unknown): string => String((err as { code?: unknown } | null)?.code ?? '');

export const isBusy = (err: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test(codeOf(err));

export const isStoreFault = (err: unknown): boolean =>
  err instanceof StoreUnavailableError || /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|CORRUPT|NOTADB|PERM|PROTOCOL|AUTH)/.test(codeOf(err));
