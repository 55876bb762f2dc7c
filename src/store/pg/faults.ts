// Which Postgres failures mean "the database is away" (held writes wait, digests retry, /healthz
// says unavailable), as opposed to one statement's own problem (a constraint, a bug).
import { StoreUnavailableError } from '../faults.js';

/** SQLSTATE classes and codes of a lost or refused connection, a shutdown or too many clients. */
const AWAY_STATES = /^(08|57P0[1-3]|53300|3D000|28P01|28000)/;
const AWAY_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** node-postgres says these in words only, without a code. */
const AWAY_WORDS = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|Client was closed|Cannot use a pool after calling end/i;

export function isAway(err: unknown): boolean {
  if (err instanceof StoreUnavailableError) return true;
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  return AWAY_STATES.test(code) || AWAY_ERRNO.has(code) || AWAY_WORDS.test(String((err as Error | null)?.message ?? ''));
}

/** The same failure as callers know it from SQLite: the store is unavailable, with where and why. */
export function unavailable(where: string, err: unknown): StoreUnavailableError {
  if (err instanceof StoreUnavailableError) return err;
  return new StoreUnavailableError(`the database at ${where} is unavailable: ${(err as Error).message}`);
}
