// Which tools a kind of request offers under a policy. The catalog's picks for the request stay
// where the policy allows them; the company's own tools come first within their status; and
// when the policy removes some of the catalog's picks, other allowed tools of the same kind
// take their places, so a policy that prohibits the favourite does not leave people with less.
import type { OfferedToolT, ShownStatusT } from '../answer.js';
import type { CategoryIdT, DataClassT } from '../schema.js';
import type { ListedTool } from './catalog-tools.js';
import { allowedWith, rankOf, verdictOf, type Policy, type Verdict } from './policy.js';

/** As many of the catalog's picks as a recommendation shows without a policy. */
const MAX_PICKS = 3;

export interface Selection {
  readonly tools: OfferedToolT[];
  /** True when tools of the kind were allowed but a data rule removed every one. */
  readonly emptiedByData: boolean;
}

interface Candidate {
  readonly tool: ListedTool;
  readonly verdict: Verdict & { readonly status: ShownStatusT };
  /** 0: the company's own; 1: the catalog's pick for this request; 2: another tool of the kind. */
  readonly source: 0 | 1 | 2;
  readonly index: number;
}

const usable = (c: Candidate): boolean => c.verdict.status === 'approved' || c.verdict.status === 'restricted';

export function selectTools(policy: Policy, category: CategoryIdT, picks: readonly ListedTool[], classes: readonly DataClassT[]): Selection {
  const own = (policy.offered.get(category) ?? []).map((e) => ({ name: e.name, bestFor: e.bestFor }));
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  const sources = [own, picks, policy.catalog.inCategory(category)] as const;
  sources.forEach((list, source) => {
    for (const tool of list) {
      if (seen.has(tool.name)) continue;
      seen.add(tool.name);
      const verdict = verdictOf(policy, tool.name);
      if (verdict.status === 'prohibited') continue;
      candidates.push({ tool, verdict: verdict as Candidate['verdict'], source: source as Candidate['source'], index: candidates.length });
    }
  });
  const permitted = candidates.filter((c) => allowedWith(policy, c.tool.name, classes));
  // Other tools of the kind fill only the places of picks the policy took away, and only when usable now.
  let free = MAX_PICKS - permitted.filter((c) => c.source === 1 && usable(c)).length;
  let chosen = permitted.filter((c) => c.source < 2 || (usable(c) && free-- > 0));
  // Nothing usable at all: the kind's tools under review, so people see what they could ask for.
  if (!chosen.length) chosen = permitted.slice(0, MAX_PICKS);
  chosen.sort((a, b) => rankOf(a.verdict.status) - rankOf(b.verdict.status) || a.source - b.source || a.index - b.index);
  const tools = chosen.slice(0, own.length + MAX_PICKS).map(({ tool, verdict }) => ({
    name: tool.name,
    bestFor: tool.bestFor,
    policy: verdict.status,
    ...(verdict.note ? { note: verdict.note } : {}),
    ...(verdict.url ? { url: verdict.url } : {}),
  }));
  return { tools, emptiedByData: tools.length === 0 && candidates.length > 0 };
}

/** The tools of a kind that may be used now, best first. */
export const usableTools = (policy: Policy, category: CategoryIdT, classes: readonly DataClassT[]): OfferedToolT[] =>
  selectTools(policy, category, [], classes).tools.filter((t) => t.policy === 'approved' || t.policy === 'restricted');
