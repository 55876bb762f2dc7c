// Spaces sends per key (a workspace, a tenant, a thread) so fan-out stays under the platform's
// limits instead of running into them: a burst of `burst` goes at once, then `perSecond`.
// A Retry-After pauses the key. Timing is the generic cell rate algorithm (one number a key).
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

export interface PaceLimit {
  readonly perSecond: number;
  readonly burst: number;
}

export class Pacer {
  private readonly tat = new Map<string, number>();
  /** Per key, once a 429 showed the platform's limit is below ours. */
  private readonly slower = new Map<string, number>();
  private readonly pausedUntil = new Map<string, number>();
  /** Per key, when the last `burst` sends were actually let go (oldest first). */
  private readonly released = new Map<string, number[]>();

  constructor(
    private readonly limit: PaceLimit,
    private readonly clock: Clock = realClock,
  ) {}

  private interval(key: string): number {
    return this.slower.get(key) ?? 1000 / this.limit.perSecond;
  }

  /** Resolves when one more send for `key` is within the limit, and books it. */
  async take(key: string): Promise<void> {
    const now = this.clock.now();
    const interval = this.interval(key);
    const next = Math.max(this.tat.get(key) ?? now, now) + interval;
    this.tat.set(key, next);
    const at = next - this.limit.burst * interval;
    if (at > now) await this.clock.sleep(at - now);
    await this.release(key, interval);
  }

  /**
   * Booked slots are kept by the clock at the moment of sending too: when the event loop was
   * busy, sleepers whose slots have passed wake together, and would go out as one burst. Never
   * more than `burst` sends within `burst` intervals of each other.
   */
  private async release(key: string, interval: number): Promise<void> {
    const recent = this.released.get(key) ?? [];
    this.released.set(key, recent);
    const window = this.limit.burst * interval;
    for (;;) {
      const now = this.clock.now();
      if (recent.length < this.limit.burst || now >= recent[0]! + window) {
        recent.push(now);
        if (recent.length > this.limit.burst) recent.shift();
        return;
      }
      await this.clock.sleep(recent[0]! + window - now);
    }
  }

  /**
   * Nothing for `key` before `ms` from now; afterwards sends resume one by one, not as a burst,
   * and `slowDown` (e.g. 0.8) lowers this key's rate for the rest of the run.
   */
  pause(key: string, ms: number, slowDown = 1): void {
    const now = this.clock.now();
    // Many sends in flight get the same 429: slow down once per pause, not once per answer.
    const fresh = now >= (this.pausedUntil.get(key) ?? 0);
    this.pausedUntil.set(key, Math.max(this.pausedUntil.get(key) ?? 0, now + ms));
    const interval = fresh ? this.interval(key) / slowDown : this.interval(key);
    if (fresh && slowDown !== 1) this.slower.set(key, Math.min(interval, 1000));
    const held = now + ms + (this.limit.burst - 1) * interval;
    this.tat.set(key, Math.max(this.tat.get(key) ?? now, held));
  }
}

/** Exponential backoff with full jitter: attempt 1 waits up to base, attempt n up to base·2ⁿ⁻¹, capped. */
export const backoffMs = (attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number =>
  Math.round(random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1)));
