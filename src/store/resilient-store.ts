// Answers come first: when the database cannot be written (read-only file, full disk, locked),
// the request path carries on without its log line. The outage is reported once when it starts
// and once when writes succeed again, not once per request; every write keeps trying, so the
// store recovers by itself as soon as the file is writable.
import type { Logger } from '../log/logger.js';
import type { ConversationRefRecord, ConversationRefs, FeedbackEntry, HistoryEntry, RequestLogEntry, SurfaceStore } from './types.js';

export class ResilientStore implements SurfaceStore {
  private failing = false;
  /** Writes dropped during the current outage, for the recovery line and tests. */
  dropped = 0;
  readonly conversationRefs: ConversationRefs;

  constructor(
    private readonly inner: SurfaceStore,
    private readonly log: Logger,
    /** Called after each failed write: e.g. reopen a file that was read-only. */
    private readonly onFailure: () => void = () => undefined,
  ) {
    // Looked up per call: the inner store may sit on a connection that gets replaced.
    this.conversationRefs = {
      save: (r: ConversationRefRecord) => this.write('conversationRefs.save', () => inner.conversationRefs.save(r)),
      remove: (id: string) => this.write('conversationRefs.remove', () => inner.conversationRefs.remove(id)),
      get: (id: string) => this.read(() => inner.conversationRefs.get(id), undefined),
      list: () => this.read(() => inner.conversationRefs.list(), []),
    };
  }

  get healthy(): boolean {
    return !this.failing;
  }

  logRequest(entry: RequestLogEntry): void {
    this.write('logRequest', () => this.inner.logRequest(entry));
  }

  recordFeedback(entry: FeedbackEntry): void {
    this.write('recordFeedback', () => this.inner.recordFeedback(entry));
  }

  addHistory(userKey: string, entry: HistoryEntry): void {
    this.write('addHistory', () => this.inner.addHistory(userKey, entry));
  }

  recentHistory(userKey: string, limit: number): HistoryEntry[] {
    return this.read(() => this.inner.recentHistory(userKey, limit), []);
  }

  private write(operation: string, fn: () => void): void {
    try {
      fn();
      if (this.failing) {
        this.failing = false;
        this.log.info({ dropped: this.dropped }, 'store: writes succeed again');
        this.dropped = 0;
      }
    } catch (err) {
      this.dropped++;
      this.onFailure();
      if (!this.failing) {
        this.failing = true;
        this.log.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code }, operation }, 'store: cannot write; answers go on without logging until it can');
      }
    }
  }

  private read<T>(fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (err) {
      if (!this.failing) this.log.error({ err: { message: (err as Error).message }, operation: 'read' }, 'store: cannot read');
      return fallback;
    }
  }
}
