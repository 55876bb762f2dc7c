// The AI policy owners' view: what people asked for that the policy does not allow yet, how
// often they asked for access, and how often they mentioned sensitive data. Counts only. The
// store counts rows; this turns the counts into the report that `which-tool policy report`
// prints and the owners' digest can show.
import type { CategoryIdT, DataClassT } from '../schema.js';

/** One counted group of policy facts, as the store returns them. */
export interface PolicyCountRow {
  readonly kind: 'unapproved' | 'named' | 'data' | 'access';
  readonly subject: string;
  readonly status: string | null;
  readonly count: number;
}

export interface PolicyReport {
  readonly since: string;
  readonly until: string;
  /** Requests answered in the period (the request log). */
  readonly requests: number;
  /** Requests whose top recommendation had no approved tool, by kind and by the best it offered. */
  readonly noApproved: {
    readonly total: number;
    readonly byCategory: readonly { readonly category: CategoryIdT; readonly total: number; readonly restricted: number; readonly review: number; readonly prohibited: number; readonly data: number }[];
  };
  /** Tools people named that the policy has under review or prohibits, most asked first. */
  readonly named: readonly { readonly name: string; readonly status: 'review' | 'prohibited'; readonly count: number }[];
  /** Presses of "Request access", by tool or kind. */
  readonly access: readonly { readonly subject: string; readonly count: number }[];
  /** Mentions of sensitive data, by class. */
  readonly data: readonly { readonly class: DataClassT; readonly count: number }[];
}

const BEST = ['restricted', 'review', 'prohibited', 'data'] as const;
const mostFirst = <T extends { count: number }>(rows: T[], key: (r: T) => string): T[] =>
  rows.sort((a, b) => b.count - a.count || key(a).localeCompare(key(b)));

export function buildPolicyReport(rows: readonly PolicyCountRow[], requests: number, since: Date, until: Date): PolicyReport {
  const byCategory = new Map<string, { category: CategoryIdT; total: number; restricted: number; review: number; prohibited: number; data: number }>();
  const named: { name: string; status: 'review' | 'prohibited'; count: number }[] = [];
  const access = new Map<string, number>();
  const data = new Map<string, number>();
  for (const r of rows) {
    if (r.kind === 'unapproved') {
      const c = byCategory.get(r.subject) ?? { category: r.subject as CategoryIdT, total: 0, restricted: 0, review: 0, prohibited: 0, data: 0 };
      c.total += r.count;
      const best = BEST.find((b) => b === r.status);
      if (best) c[best] += r.count;
      byCategory.set(r.subject, c);
    } else if (r.kind === 'named' && (r.status === 'review' || r.status === 'prohibited')) {
      named.push({ name: r.subject, status: r.status, count: r.count });
    } else if (r.kind === 'access') access.set(r.subject, (access.get(r.subject) ?? 0) + r.count);
    else if (r.kind === 'data') data.set(r.subject, (data.get(r.subject) ?? 0) + r.count);
  }
  const categories = [...byCategory.values()].sort((a, b) => b.total - a.total || a.category.localeCompare(b.category));
  return {
    since: since.toISOString(),
    until: until.toISOString(),
    requests,
    noApproved: { total: categories.reduce((n, c) => n + c.total, 0), byCategory: categories },
    named: mostFirst(named, (r) => r.name),
    access: mostFirst([...access].map(([subject, count]) => ({ subject, count })), (r) => r.subject),
    data: mostFirst([...data].map(([c, count]) => ({ class: c as DataClassT, count })), (r) => r.class),
  };
}
