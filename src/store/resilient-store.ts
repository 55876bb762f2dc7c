// Answers come first: when the database cannot be written (read-only file, full disk), the
// request path carries on without its log line. The outage is reported once when it starts and
// once when writes succeed again, not once per request; the store recovers by itself as soon as
// the file is writable.
// With a `batch` runner, writes are also taken off the request path: they queue and go to the
// database together, in one transaction, once per event-loop turn (a commit per request cost
// more than the rest of the write). Every read, `healthy` and `flush()` write the queue first,
// so this process always reads what it wrote.
// A lock held by another process (SQLITE_BUSY) is neither a fault nor a reason to wait: the
// writes go back to the front of the queue, whole, and are tried again on a short backoff,
// while answers go on. Nothing is lost unless the lock outlasts MAX_HELD writes.
import type { Logger } from '../log/logger.js';
import { isBusy, isStoreFault } from './faults.js';
import type { AccessRequestEntry, ConversationRefRecord, ConversationRefs, FeedbackEntry, HistoryEntry, RequestLogEntry, SurfaceStore } from './types.js';

interface Write {
  readonly operation: string;
  readonly run: () => void;
}

/** A queue this long is written at once rather than waiting for the end of the turn. */
const MAX_QUEUED = 512;
/** Writes held while another process holds the lock; past this the oldest are dropped. */
const MAX_HELD = 20_000;
const BUSY_FIRST_MS = 25;
const BUSY_MAX_MS = 1_000;

export class ResilientStore implements SurfaceStore {
  private failing = false;
  /** Writes dropped during the current outage, for the recovery line and tests. */
  dropped = 0;
  readonly conversationRefs: ConversationRefs;
  private queue: Write[] = [];
  private scheduled = false;
  /** While another process holds the lock: the retry timer, and how long it waits. */
  private busyTimer: NodeJS.Timeout | undefined;
  private busyWaitMs = 0;
  private busyReported = false;

  constructor(
    private readonly inner: SurfaceStore,
    private readonly log: Logger,
    /** Called after a write failed for the store's own reasons: e.g. reopen a file that was read-only. */
    private readonly onFault: (err: unknown) => void = () => undefined,
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

  recordAccessRequest(entry: AccessRequestEntry): void {
    this.write('recordAccessRequest', () => this.inner.recordAccessRequest(entry));
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

  /** The file took a test write after a fault: writes succeed again, even before the next request's. */
  recovered(): void {
    this.succeeded();
    this.flush();
  }

  /** Writes everything queued now. Never throws and never waits for a lock. */
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
      } catch (err) {
        // Rolled back as a whole. Busy: all of it waits its turn (never one by one, each waiting).
        if (isBusy(err)) return this.holdBack(writes);
        // Otherwise one by one below, so one bad write costs only itself.
      }
    }
    for (let i = 0; i < writes.length; i++) {
      const w = writes[i]!;
      try {
        w.run();
        this.succeeded();
      } catch (err) {
        if (isBusy(err)) return this.holdBack(writes.slice(i));
        this.failed(w, err);
      }
    }
  }

  private write(operation: string, run: () => void): void {
    this.queue.push({ operation, run });
    // While the lock is held, the retry timer writes the queue; nothing else tries meanwhile.
    if (this.busyTimer) return;
    if (!this.batch || this.queue.length >= MAX_QUEUED) return this.flush();
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.busyTimer) this.flush();
    });
  }

  private holdBack(writes: Write[]): void {
    this.queue = writes.concat(this.queue);
    const over = this.queue.length - MAX_HELD;
    if (over > 0) {
      this.queue.splice(0, over);
      this.dropped += over;
    }
    if (!this.busyReported) {
      this.busyReported = true;
      this.log.warn({ held: this.queue.length }, 'store: the database is locked by another process; writes wait in memory and answers go on');
    }
    this.busyWaitMs = Math.min(BUSY_MAX_MS, this.busyWaitMs ? this.busyWaitMs * 2 : BUSY_FIRST_MS);
    clearTimeout(this.busyTimer);
    this.busyTimer = setTimeout(() => {
      this.busyTimer = undefined;
      this.flush();
    }, this.busyWaitMs);
    this.busyTimer.unref();
  }

  private failed(w: Write, err: unknown): void {
    this.dropped++;
    if (isStoreFault(err)) this.onFault(err);
    if (!this.failing) {
      this.failing = true;
      this.log.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code }, operation: w.operation }, 'store: cannot write; answers go on without logging until it can');
    }
  }

  private succeeded(): void {
    if (this.busyReported && !this.busyTimer) {
      this.busyReported = false;
      this.busyWaitMs = 0;
      this.log.info('store: the lock is free again; held writes written');
    }
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
      if (!this.failing && !isBusy(err)) this.log.error({ err: { message: (err as Error).message }, operation: 'read' }, 'store: cannot read');
      return fallback;
    }
  }
}
