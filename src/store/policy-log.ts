// The policy log (issue 13) as both stores keep it: the rows an answer or a press of "Request
// access" adds, and the counts the policy's owners read back. Only counts leave a store: the log
// holds no user and no text to begin with.
import type { PolicyCountRow } from '../core/policy/report.js';
import type { AccessRequestEntry, RequestLogEntry } from './types.js';

export interface PolicyCounts {
  /** Requests answered in the period. */
  readonly requests: number;
  readonly rows: readonly PolicyCountRow[];
}

/** What the policy owners read, behind the store like the digest's reads. */
export interface PolicyLogReader {
  /** Counts from `since` (inclusive) to `until` (exclusive); rejects when the database is unavailable. */
  /** Of one workspace (Slack team, Teams tenant) when given. */
  policyCounts(since: Date, until: Date, workspace?: string): Promise<PolicyCounts>;
}

/** One policy_log row, without its id: [at, surface, workspace, kind, subject, status]. */
export type PolicyRow = readonly [number, string, string, PolicyCountRow['kind'], string, string | null];

export const POLICY_COLUMNS = ['at', 'surface', 'workspace', 'kind', 'subject', 'status'] as const;

/** The rows a logged answer adds: one per fact, none for most answers. */
export function policyRows(e: RequestLogEntry): PolicyRow[] {
  const p = e.policy;
  if (!p) return [];
  const at = e.at.getTime();
  return [
    ...(p.unapproved ? [[at, e.surface, e.workspace, 'unapproved', p.unapproved.category, p.unapproved.best] as const] : []),
    ...p.named.map((n) => [at, e.surface, e.workspace, 'named', n.name, n.status] as const),
    ...p.data.map((c) => [at, e.surface, e.workspace, 'data', c, null] as const),
  ];
}

export const accessRow = (e: AccessRequestEntry): PolicyRow => [e.at.getTime(), e.surface, e.workspace, 'access', e.subject, null];
