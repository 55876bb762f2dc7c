// Slack signs `v0:<timestamp>:<body>`, so a captured request stays valid for the whole 5-minute
// window. This remembers each signed request accepted within the window, filed by its timestamp
// second, and refuses it a second time. A Slack retry is a new request with its own timestamp
// and signature, so it is not refused here (redeliveries are dropped by event id instead).
// Memory is bounded: past `max` entries the oldest second is forgotten and the accepted window
// shrinks to what is remembered, so nothing forgotten can come back.

/** Requests this far from the server's clock, either way, are refused as stale. */
export const WINDOW_S = 5 * 60;

export class ReplayCache {
  private readonly bySecond = new Map<number, Set<number>>();
  private size = 0;
  /** Timestamps below this were forgotten to keep memory bounded: they are refused. */
  private floor = -Infinity;
  private sweptAt = -Infinity;

  constructor(private readonly max = 200_000) {}

  /** Whether a request signed at `ts` (seconds) may be accepted at `now` (seconds). */
  inWindow(ts: number, now: number): boolean {
    return ts >= Math.max(now - WINDOW_S, this.floor) && ts <= now + WINDOW_S;
  }

  /** True the first time this (timestamp, signature) is offered within the window; remembers it. */
  firstTime(ts: number, signature: string, now: number): boolean {
    if (now !== this.sweptAt) this.sweep(now);
    // 52 bits of the signature's hex (the HMAC output is uniform): a number, not a retained string.
    const key = parseInt(signature.slice(3, 16), 16);
    let seen = this.bySecond.get(ts);
    if (seen?.has(key)) return false;
    if (!seen) this.bySecond.set(ts, (seen = new Set()));
    seen.add(key);
    if (++this.size > this.max) this.forgetOldest();
    return true;
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [ts, seen] of this.bySecond) {
      if (ts >= now - WINDOW_S) continue;
      this.size -= seen.size;
      this.bySecond.delete(ts);
    }
  }

  private forgetOldest(): void {
    let oldest = Infinity;
    for (const ts of this.bySecond.keys()) if (ts < oldest) oldest = ts;
    this.size -= this.bySecond.get(oldest)!.size;
    this.bySecond.delete(oldest);
    this.floor = oldest + 1;
  }
}
