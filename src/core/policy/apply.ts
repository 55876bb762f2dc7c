// The policy layer: a pure function from (answer, policy) to answer. The recommender never sees
// a policy; every surface answers `applyPolicy(recommender.ask(q), policy)`, so the same request
// under the same policy gets the same answer everywhere, and no policy means the answer as it was.
import type { AnswerT, NamedToolT, NoticeT, RecommendationT } from '../answer.js';
import type { DataClassT } from '../schema.js';
import { verdictOf, type Policy } from './policy.js';
import { selectTools, usableTools } from './select.js';

const classWords = (classes: readonly DataClassT[]): string => classes.map((c) => c.replace('-', ' ')).join(' or ');

function askLine(policy: Policy, verb: string): string {
  return policy.access ? ` ${verb} at ${policy.access.url}.` : ' Ask whoever owns your AI policy.';
}

function recommendation(r: RecommendationT, policy: Policy, ruled: readonly DataClassT[]): RecommendationT {
  const { tools, emptiedByData } = selectTools(policy, r.category, r.tools, ruled);
  const kind = policy.catalog.kind(r.category);
  // A plan price is shown only for a tool the policy still shows.
  const out: RecommendationT = { ...r, tools, plans: r.plans.filter((plan) => tools.some((t) => t.name === plan.tool)) };
  if (r.recipe) out.recipe = r.recipe.map((s) => ({ ...s, tool: stepTool(policy, s.category, s.tool, ruled) }));
  if (!tools.length) {
    out.unavailable = emptiedByData
      ? { reason: 'data', note: `Your AI policy allows no ${kind} with ${classWords(ruled)} data.${askLine(policy, 'Ask for one')}` }
      : { reason: 'prohibited', note: `Your AI policy allows no ${kind}.${askLine(policy, 'Ask for one')}` };
  } else if (!tools.some((t) => t.policy === 'approved' || t.policy === 'restricted')) {
    out.unavailable = { reason: 'review', note: `No ${kind} is approved yet: these are under review.${askLine(policy, 'Request access')}` };
  }
  return out;
}

/** The tool for a step of a combined request: the catalog's pick if allowed, else the best allowed one. */
function stepTool(policy: Policy, category: RecommendationT['category'], pick: string | null, ruled: readonly DataClassT[]): string | null {
  const picks = pick ? [{ name: pick, bestFor: '' }] : [];
  return selectTools(policy, category, picks, ruled).tools[0]?.name ?? null;
}

function named(n: NamedToolT, policy: Policy, ruled: readonly DataClassT[]): NamedToolT {
  const v = verdictOf(policy, n.name);
  const out: NamedToolT = { ...n, policy: v.status, ...(v.note ? { note: v.note } : {}) };
  if (v.status === 'review' || v.status === 'prohibited') {
    out.instead = usableTools(policy, n.category, ruled).map((t) => t.name).filter((name) => name !== n.name).slice(0, 3);
  }
  return out;
}

/** The company's own tools the request names: the catalog does not know them, the policy does. */
function ownNamed(query: string, policy: Policy, known: readonly NamedToolT[]): NamedToolT[] {
  const lower = query.toLowerCase();
  const found: NamedToolT[] = [];
  for (const [category, entries] of policy.offered) {
    for (const e of entries) {
      if (!e.own || known.some((k) => k.name === e.name) || !containsWords(lower, e.name.toLowerCase())) continue;
      found.push({ name: e.name, category, label: policy.catalog.label(category), bestFor: e.bestFor, policy: null });
    }
  }
  return found;
}

function containsWords(text: string, words: string): boolean {
  const at = text.indexOf(words);
  if (at === -1) return false;
  const before = text[at - 1] ?? ' ';
  const after = text[at + words.length] ?? ' ';
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}

export function applyPolicy(answer: AnswerT, policy: Policy | null): AnswerT {
  if (!policy) return answer;
  const ruled = answer.data.filter((c) => policy.rules.has(c));
  const notices: NoticeT[] = ruled.map((c) => ({ class: c, note: policy.rules.get(c)!.note }));
  const mentioned = [...answer.named, ...ownNamed(answer.query, policy, answer.named)];
  return {
    // First, so that whoever reads the answer meets the data rules before the tools.
    notices,
    ...answer,
    recommendations: answer.recommendations.map((r) => recommendation(r, policy, ruled)),
    named: mentioned.map((n) => named(n, policy, ruled)),
    appliedPolicy: { name: policy.name, version: policy.version, access: policy.access },
  };
}
