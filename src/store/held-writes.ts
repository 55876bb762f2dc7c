// The request path's writes to a server database: queued, written behind the answer in one
// transaction per batch, and held in memory while the database is away, then written when it is
// back. The hold is bounded: past MAX_HELD the oldest are dropped and counted, so a long outage
// costs log lines, never the process. Like the SQLite write-behind (resilient-store.ts), the
// outage is said once when it starts and once when it ends, and this process reads what it wrote:
// every read first waits for the queue (`flush`).
import type { Logger } from '../log/logger.js';

export interface HeldWritesOptions<W> {
  /** Writes a batch at once (one transaction); rejects as a whole. */
  readonly write: (batch: readonly W[]) => Promise<void>;
  /** Whether a failure means the database is away (hold and retry) rather than a bad write. */
  readonly isAway: (err: unknown) => boolean;
  readonly log: Logger;
  /** How many writes are held at most; default MAX_HELD. */
  readonly maxHeld?: number;
  /** First retry after an outage began; doubles up to 5 s. */
  readonly retryMs?: number;
}

const MAX_HELD = 20_000;
/** Rows per transaction: large enough to keep up with a busy server, small enough to stay short. */
const MAX_BATCH = 500;
const RETRY_MAX_MS = 5_000;

export class HeldWrites<W> {
  private queue: W[] = [];
  /** Taken from the queue and being written now: still held until the database says yes. */
  private writing = 0;
  private draining: Promise<void> | null = null;
  private scheduled = false;
  private away = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryWaitMs = 0;
  private dropped = 0;
  /** Given up since this store opened, for which_tool_store_writes_dropped_total (metrics read it). */
  private droppedTotal = 0;
  private closed = false;

  constructor(private readonly options: HeldWritesOptions<W>) {}

  /** Queues one write; it goes out after this turn of the event loop (or after the outage). */
  add(write: W): void {
    this.queue.push(write);
    const over = this.queue.length - (this.options.maxHeld ?? MAX_HELD);
    if (over > 0) this.drop(this.queue.splice(0, over).length);
    if (this.away || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  get givenUp(): number {
    return this.droppedTotal;
  }

  get held(): number {
    return this.queue.length + this.writing;
  }

  /** False while the database is away. */
  get healthy(): boolean {
    return !this.away;
  }

  /** Writes everything queued; resolves once written, or held because the database is away. Never rejects. */
  flush(): Promise<void> {
    if (this.draining) return this.draining.then(() => (this.queue.length && !this.away ? this.flush() : undefined));
    if (!this.queue.length) return Promise.resolve();
    this.draining = this.drain().finally(() => (this.draining = null));
    return this.draining;
  }

  /** Stops retrying; what is still held is given up (and counted). */
  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    if (this.queue.length) {
      this.options.log.warn({ dropped: this.queue.length }, 'store: stopping with writes the database never took; they are given up');
      this.drop(this.queue.length);
    }
    this.queue = [];
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.writing = batch.length;
      try {
        await this.options.write(batch);
        this.back();
      } catch (err) {
        if (this.options.isAway(err)) return this.hold(batch, err);
        // The database refused something in the batch itself: one by one, so only that is lost.
        const rest = await this.oneByOne(batch);
        if (rest) return this.hold(rest.writes, rest.err);
      } finally {
        this.writing = 0;
      }
    }
  }

  /** Writes each on its own; returns what is left if the database went away meanwhile. */
  private async oneByOne(batch: W[]): Promise<{ writes: W[]; err: unknown } | null> {
    for (let i = 0; i < batch.length; i++) {
      try {
        await this.options.write([batch[i]!]);
        this.back();
      } catch (err) {
        if (this.options.isAway(err)) return { writes: batch.slice(i), err };
        this.drop(1);
        this.options.log.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, 'store: the database refused a write; it is dropped');
      }
    }
    return null;
  }

  private hold(writes: W[], err: unknown): void {
    this.queue = writes.concat(this.queue);
    if (!this.away) {
      this.away = true;
      this.options.log.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code }, held: this.queue.length }, 'store: the database is unavailable; answers go on and writes are held until it is back');
    }
    if (this.closed) return;
    this.retryWaitMs = Math.min(RETRY_MAX_MS, this.retryWaitMs ? this.retryWaitMs * 2 : (this.options.retryMs ?? 250));
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), this.retryWaitMs);
    this.retryTimer.unref();
  }

  private back(): void {
    this.retryWaitMs = 0;
    if (!this.away) return;
    this.away = false;
    this.options.log.info({ dropped: this.dropped, stillHeld: this.queue.length }, 'store: the database is back; held writes are being written');
    this.dropped = 0;
  }

  private drop(n: number): void {
    this.dropped += n;
    this.droppedTotal += n;
  }
}
