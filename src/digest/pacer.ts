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
  private readonly interval: number;

  constructor(
    private readonly limit: PaceLimit,
    private readonly clock: Clock = realClock,
  ) {
    this.interval = 1000 / limit.perSecond;
  }

  /** Resolves when one more send for `key` is within the limit, and books it. */
  async take(key: string): Promise<void> {
    const now = this.clock.now();
    const next = Math.max(this.tat.get(key) ?? now, now) + this.interval;
    this.tat.set(key, next);
    const at = next - this.limit.burst * this.interval;
    if (at > now) await this.clock.sleep(at - now);
  }

  /** Nothing for `key` before `ms` from now; afterwards sends resume one by one, not as a burst. */
  pause(key: string, ms: number): void {
    const now = this.clock.now();
    const held = now + ms + (this.limit.burst - 1) * this.interval;
    this.tat.set(key, Math.max(this.tat.get(key) ?? now, held));
  }
}

/** Exponential backoff with full jitter: attempt 1 waits up to base, attempt n up to base·2ⁿ⁻¹, capped. */
export const backoffMs = (attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number =>
  Math.round(random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1)));
