// Per-person limits every surface applies before doing any work: a rate (WHICH_TOOL_RATE_LIMIT
// requests a minute, per the contract) and one vote per answer. Memory only, per process.
import { requestsRefused } from '../metrics/registry.js';
import type { ChatSurface } from './asker.js';

export interface LimitVerdict {
  /** 0: go ahead (counted). Otherwise: refused, whole seconds until one more is allowed. */
  readonly retryInS: number;
  /** The first refusal since this person's last allowed request: say "too many" once, not per request. */
  readonly firstRefusal: boolean;
}

const ALLOWED: LimitVerdict = { retryInS: 0, firstRefusal: false };
/** People tracked at once; past it, those whose limit has fully recovered are forgotten. */
const MAX_TRACKED = 100_000;
const MAX_VOTES = 50_000;

export class RequestLimits {
  /** Per person: when their allowance is next back to full (the generic cell rate algorithm). */
  private readonly fullAt = new Map<string, number>();
  private readonly refused = new Set<string>();
  private readonly votes = new Set<string>();
  private readonly intervalMs: number;

  constructor(
    /** Requests per person per minute, in a burst or spread out; 0: no limit. */
    private readonly perMinute: number,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.intervalMs = perMinute > 0 ? 60_000 / perMinute : 0;
  }

  /** Counts one request by `person` (a surface-qualified id), unless it is over the limit. */
  take(person: string): LimitVerdict {
    if (this.perMinute === 0) return ALLOWED;
    const now = this.nowMs();
    const next = Math.max(this.fullAt.get(person) ?? now, now) + this.intervalMs;
    if (next - now > 60_000) {
      const firstRefusal = !this.refused.has(person);
      this.refused.add(person);
      return { retryInS: Math.max(1, Math.ceil((next - now - 60_000) / 1000)), firstRefusal };
    }
    if (this.fullAt.size >= MAX_TRACKED) this.forgetRecovered(now);
    this.fullAt.set(person, next);
    this.refused.delete(person);
    return ALLOWED;
  }

  /** True the first time `person` votes on `answer`: a vote counts once however often it is pressed. */
  firstVote(person: string, answer: string): boolean {
    const key = `${person}\u0000${answer}`;
    if (this.votes.has(key)) return false;
    // Insertion order: the oldest votes are forgotten first.
    if (this.votes.size >= MAX_VOTES) this.votes.delete(this.votes.values().next().value!);
    this.votes.add(key);
    return true;
  }

  private forgetRecovered(now: number): void {
    for (const [person, at] of this.fullAt) if (at <= now) this.fullAt.delete(person);
    if (this.fullAt.size >= MAX_TRACKED) this.fullAt.clear();
    this.refused.clear();
  }
}

export const tooManyRequests = (retryInS: number): string => `Too many requests: try again in ${retryInS} s.`;

/** One request by `person` on `surface` against the limit; refusals are counted in /metrics. */
export function checkLimit(limits: RequestLimits, surface: ChatSurface, person: string): LimitVerdict {
  const verdict = limits.take(`${surface}:${person}`);
  if (verdict.retryInS) requestsRefused.inc({ surface, reason: 'rate_limited' });
  return verdict;
}
