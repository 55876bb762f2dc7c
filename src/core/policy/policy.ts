// A policy file checked against the catalog and indexed for answering: what the policy says
// about any tool, which tools it adds to a kind of request, and its data rules.
import type { PolicyStatusT } from '../answer.js';
import type { CategoryIdT, DataClassT } from '../schema.js';
import { toolKey, type CatalogTools } from './catalog-tools.js';
import type { PolicyFileT } from './schema.js';

export interface PolicyEntry {
  /** The catalog's name for a catalog tool; the file's for the company's own. */
  readonly name: string;
  readonly status: PolicyStatusT;
  readonly note?: string;
  readonly url?: string;
  readonly bestFor: string;
  /** Offered for this kind of request besides the catalog's own tools (the company's own tools). */
  readonly offeredFor?: CategoryIdT;
  /** Not a catalog tool. */
  readonly own: boolean;
  /** Where the file says so, e.g. `tools[3]`. */
  readonly at: string;
}

export interface PolicyDataRule {
  readonly class: DataClassT;
  /** Names as answers show them. */
  readonly allow: readonly string[];
  readonly note: string;
}

export interface Policy {
  /** The file as given (a path), for messages. */
  readonly file: string;
  readonly name: string;
  /** A digest of the file's bytes: which edition answered. */
  readonly version: string;
  readonly unlisted: PolicyFileT['unlisted'];
  readonly owner?: string;
  readonly updated?: string;
  readonly catalog: CatalogTools;
  /** By tool key (lower-case name). */
  readonly entries: ReadonlyMap<string, PolicyEntry>;
  /** The tools the file adds to each kind of request, in file order. */
  readonly offered: ReadonlyMap<CategoryIdT, readonly PolicyEntry[]>;
  readonly rules: ReadonlyMap<DataClassT, PolicyDataRule>;
  readonly access: { readonly url: string; readonly note?: string } | null;
}

export interface Verdict {
  readonly status: PolicyStatusT;
  readonly note?: string;
  readonly url?: string;
}

const RANK: Record<PolicyStatusT, number> = { approved: 0, restricted: 1, review: 2, prohibited: 3 };

/** Approved before restricted before review; prohibited last. */
export const rankOf = (status: PolicyStatusT): number => RANK[status];

/** What the policy says about a tool, by any name the catalog or the file knows it by. */
export function verdictOf(policy: Policy, name: string): Verdict {
  const entry = policy.entries.get(toolKey(name)) ?? entryByCatalogName(policy, name);
  if (entry) return entry;
  const tool = policy.catalog.resolve(name);
  // A pairing ("ChatGPT + DALL-E 3") is only as usable as its least usable part.
  if (tool?.parts.length) {
    return tool.parts.map((p) => verdictOf(policy, p)).reduce((a, b) => (rankOf(b.status) > rankOf(a.status) ? b : a));
  }
  return { status: policy.unlisted };
}

function entryByCatalogName(policy: Policy, name: string): PolicyEntry | undefined {
  const tool = policy.catalog.resolve(name);
  return tool ? policy.entries.get(toolKey(tool.name)) : undefined;
}

/** Whether a tool may take every class of data the request mentions that has a rule. */
export function allowedWith(policy: Policy, name: string, classes: readonly DataClassT[]): boolean {
  return classes.every((c) => {
    const rule = policy.rules.get(c);
    if (!rule) return true;
    if (rule.allow.includes(name)) return true;
    const parts = policy.catalog.resolve(name)?.parts ?? [];
    return parts.length > 0 && parts.every((p) => rule.allow.includes(p));
  });
}
