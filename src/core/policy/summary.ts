// What a policy says, at a glance, for the people who own it (`which-tool policy check`) and for
// anyone who asks in chat: tools by status, the company's own tools, the data rules, and the
// catalog tools the file leaves to `unlisted`. Warnings point at things that are valid but
// probably not meant.
import type { PolicyStatusT } from '../answer.js';
import { CATEGORY_IDS, type CategoryIdT, type DataClassT } from '../schema.js';
import { toolKey } from './catalog-tools.js';
import { verdictOf, type Policy } from './policy.js';

export interface PolicySummary {
  readonly name: string;
  readonly version: string;
  readonly owner?: string;
  readonly updated?: string;
  /** The tools the file names, catalog and own, by status, in file order. */
  readonly byStatus: Readonly<Record<PolicyStatusT, readonly string[]>>;
  readonly own: readonly { readonly name: string; readonly category: CategoryIdT; readonly kind: string; readonly status: PolicyStatusT }[];
  readonly data: readonly { readonly class: DataClassT; readonly allow: readonly string[]; readonly note: string }[];
  /** Catalog tools the file does not name, and the status they therefore have. */
  readonly unlisted: { readonly status: PolicyStatusT; readonly tools: readonly string[] };
  readonly access: string | null;
  readonly warnings: readonly string[];
}

export function summarizePolicy(policy: Policy): PolicySummary {
  const byStatus: Record<PolicyStatusT, string[]> = { approved: [], restricted: [], review: [], prohibited: [] };
  const warnings: string[] = [];
  for (const e of policy.entries.values()) {
    byStatus[e.status].push(e.name);
    if (e.status === 'restricted' && !e.note) warnings.push(`${e.at} (${e.name}) is restricted without a note: people will not know under which conditions`);
    if (e.status === 'prohibited' && !e.note) warnings.push(`${e.at} (${e.name}) is prohibited without a note saying why`);
  }
  const own = [...policy.entries.values()].filter((e) => e.own && e.offeredFor).map((e) => ({ name: e.name, category: e.offeredFor!, kind: policy.catalog.kind(e.offeredFor!), status: e.status }));
  // Pairings ("ChatGPT + DALL-E 3") follow their parts, so they are not left to `unlisted`.
  const unlisted = policy.catalog.all().filter((t) => !t.parts.length && !policy.entries.has(toolKey(t.name))).map((t) => t.name);
  const reviewed = byStatus.review.length > 0 || (policy.unlisted === 'review' && unlisted.length > 0);
  if (reviewed && !policy.access) warnings.push('tools are under review but there is no "access" link: people will be told to ask whoever owns the policy');
  for (const c of CATEGORY_IDS) {
    const statuses = [...policy.catalog.inCategory(c), ...(policy.offered.get(c) ?? [])].map((t) => verdictOf(policy, t.name).status);
    if (statuses.some((s) => s === 'approved' || s === 'restricted')) continue;
    const kind = policy.catalog.kind(c);
    warnings.push(statuses.includes('review') ? `no ${kind} is approved or restricted: such requests get only tools under review` : `every ${kind} is prohibited: such requests get no tool`);
  }
  return {
    name: policy.name,
    version: policy.version,
    ...(policy.owner ? { owner: policy.owner } : {}),
    ...(policy.updated ? { updated: policy.updated } : {}),
    byStatus,
    own,
    data: [...policy.rules.values()].map((r) => ({ class: r.class, allow: r.allow, note: r.note })),
    unlisted: { status: policy.unlisted, tools: unlisted },
    access: policy.access?.url ?? null,
    warnings,
  };
}

