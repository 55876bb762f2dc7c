// Answers come first: when the database cannot be written (read-only file, full disk, locked),
// the request path carries on without its log line. The outage is reported once when it starts
// and once when writes succeed again, not once per request; every write keeps trying, so the
// store recovers by itself as soon as the file is writable.
// With a `batch` runner, writes are also taken off the request path: they queue and go to the
// database together, in one transaction, once per event-loop turn (a commit per request cost
// more than the rest of the write). Every read, `healthy` and `flush()` write the queue first,
// so this process always reads what it wrote.
import type { Logger } from '../log/logger.js';
import type { ConversationRefRecord, ConversationRefs, FeedbackEntry, HistoryEntry, RequestLogEntry, SurfaceStore } from './types.js';

interface Write {
  readonly operation: string;
  readonly run: () => void;
}

/** A queue this long is written at once rather than waiting for the end of the turn. */
const MAX_QUEUED = 512;

export class ResilientStore implements SurfaceStore {
  private failing = false;
  /** Writes dropped during the current outage, for the recovery line and tests. */
  dropped = 0;
  readonly conversationRefs: ConversationRefs;
  private queue: Write[] = [];
  private scheduled = false;

  constructor(
    private readonly inner: SurfaceStore,
    private readonly log: Logger,
    /** Called after each failed write: e.g. reopen a file that was read-only. */
    private readonly onFailure: () => void = () => undefined,
    /** Runs queued writes in one transaction; without it every write runs at once. */
    private readonly batch?: (work: () => void) => void,
  ) {
    // Looked up per call: the inner store may sit on a connection that gets replaced.
    this.conversationRefs = {
      save: (r: ConversationRefRecord) => this.write('conversationRefs.save', () => inner.conversationRefs.save(r)),
      remove: (id: string) => this.write('conversationRefs.remove', () => inner.conversationRefs.remove(id)),
      get: (id: string) => this.read(() => inner.conversationRefs.get(id), undefined),
      list: () => this.read(() => inner.conversationRefs.list(), []),
    };
  }

  /** False while writes fail; writes what is queued first, so it answers for every write so far. */
  get healthy(): boolean {
    this.flush();
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

  recentHistory(userKey: string, limit: number): Promise<HistoryEntry[]> {
    return this.read(() => this.inner.recentHistory(userKey, limit), []);
  }

  /** Writes everything queued now. Never throws: failures are reported like any write's. */
  flush(): void {
    if (this.queue.length === 0) return;
    const writes = this.queue;
    this.queue = [];
    if (this.batch && !this.failing) {
      try {
        this.batch(() => {
          for (const w of writes) w.run();
        });
        this.succeeded();
        return;
      } catch {
        // The transaction rolled back as a whole. Retried one by one below, so one bad write
        // costs only itself and the outage is reported (and recovered) exactly as without batching.
      }
    }
    for (const w of writes) this.attempt(w);
  }

  private write(operation: string, run: () => void): void {
    if (!this.batch) return this.attempt({ operation, run });
    this.queue.push({ operation, run });
    if (this.queue.length >= MAX_QUEUED) return this.flush();
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private attempt(w: Write): void {
    try {
      w.run();
      this.succeeded();
    } catch (err) {
      this.dropped++;
      this.onFailure();
      if (!this.failing) {
        this.failing = true;
        this.log.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code }, operation: w.operation }, 'store: cannot write; answers go on without logging until it can');
      }
    }
  }

  private succeeded(): void {
    if (!this.failing) return;
    this.failing = false;
    this.log.info({ dropped: this.dropped }, 'store: writes succeed again');
    this.dropped = 0;
  }

  private async read<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
    this.flush();
    try {
      return await fn();
    } catch (err) {
      if (!this.failing) this.log.error({ err: { message: (err as Error).message }, operation: 'read' }, 'store: cannot read');
      return fallback;
    }
  }
}
