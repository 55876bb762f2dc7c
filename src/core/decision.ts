// The one decision over a request: the learned model's calibrated probabilities, with the
// catalog's phrase evidence deciding which kinds make up a combined request. "Nothing fits"
// only when the model is sure the message asks for no tool; an unsure answer is offered with
// its likeliest kinds to choose from (see recommend.ts), never refused.
import type { Classification } from './model/classifier.js';
import type { DataClassT } from './schema.js';
import { SCORING } from './options.js';
import { NOT_REAL, type Reading } from './phrase-evidence.js';
import type { Decision, Ranked } from './phrase-decision.js';
import type { CategoryIdT, IndustryIdT } from './schema.js';

const D = SCORING.decision;
const PART_KINDS: ReadonlySet<string> = new Set(['llm', 'image', 'video', 'audio', '3d']);
const round = (n: number): number => Math.round(n * 1000) / 1000;

export function decideWithModel(reading: Reading, model: Classification, prefer?: CategoryIdT): Decision {
  const { labels, probabilities: p } = model.category;
  const none = labels.indexOf('none');
  const pNone = none >= 0 ? p[none]! : 0;
  const kinds = labels
    .map((label, i) => ({ category: label as CategoryIdT, p: p[i]!, i }))
    .filter((k) => k.i !== none)
    .sort((a, b) => b.p - a.p || a.i - b.i);
  if (prefer) {
    const at = kinds.findIndex((k) => k.category === prefer);
    if (at > 0) kinds.unshift(...kinds.splice(at, 1));
  }
  const first = kinds[0]!;
  if (!prefer && pNone >= D.noneAtLeast && pNone >= first.p) return { ranked: [], parts: [], confidence: round(pNone), tie: false };

  const ranked: Ranked[] = [];
  for (const k of kinds) {
    if (ranked.length === D.maxRecommendations) break;
    if (ranked.length && k.p < D.alternativeAtLeast) break;
    ranked.push({ category: k.category, evidence: reading.evidence.byCategory.get(k.category) ?? 0, score: round(k.p) });
  }
  const second = kinds[1]?.p ?? 0;
  // Two kinds about as likely, or the catalog's phrases split evenly and the model not sure.
  const tie = !prefer && ranked.length > 1 && (second >= D.tieShare * first.p || (reading.phrases.tie && first.p < D.phraseTieOverruledAt));
  const parts = first.category === 'multimodal' ? partsOf(reading, labels, p) : [];
  // A combined answer's parts are its natural alternatives: each done with its own tool.
  for (const part of parts) {
    if (ranked.length === D.maxRecommendations || ranked.some((r) => r.category === part)) continue;
    ranked.push({ category: part, evidence: reading.evidence.byCategory.get(part) ?? 0, score: round(p[labels.indexOf(part)]!) });
  }
  const [head, ...rest] = ranked;
  rest.sort((a, b) => b.score - a.score);
  return { ranked: head ? [head, ...rest] : [], parts, confidence: round(first.p), tie };
}

/** Which kinds do the parts of a combined request: the phrases' own split when they found one,
 * else the kinds the request names, else the model's likeliest single kinds. */
function partsOf(reading: Reading, labels: readonly string[], p: Float64Array): CategoryIdT[] {
  if (reading.phrases.ranked[0]?.category === 'multimodal' && reading.phrases.parts.length) return [...reading.phrases.parts];
  const named = [...reading.evidence.byCategory].filter(([c, e]) => PART_KINDS.has(c) && e > 0).sort((a, b) => b[1] - a[1]);
  const parts = named.map(([c]) => c);
  const likely = labels
    .map((label, i) => ({ label, p: p[i]! }))
    .filter((k) => PART_KINDS.has(k.label) && k.p >= D.partAtLeast && !parts.includes(k.label as CategoryIdT))
    .sort((a, b) => b.p - a.p);
  for (const k of likely) parts.push(k.label as CategoryIdT);
  return parts.slice(0, 3);
}

export interface Placed<T> {
  readonly id: T;
  readonly p: number;
}

/** The industry the request places itself in: the model's, if it is sure enough; else the one a
 * catalog alias names, if the model does not rule it out. */
export function industryOf(model: Classification, aliases: readonly IndustryIdT[]): Placed<IndustryIdT> | null {
  const { labels, probabilities: p } = model.industry;
  let best = -1;
  labels.forEach((label, i) => {
    if (label !== 'none' && (best < 0 || p[i]! > p[best]!)) best = i;
  });
  if (best >= 0 && p[best]! >= D.industryAtLeast) return { id: labels[best] as IndustryIdT, p: p[best]! };
  const alias = aliases[0];
  const pa = alias ? p[labels.indexOf(alias)] ?? 0 : 0;
  return alias && pa >= D.industryAliasAtLeast ? { id: alias, p: pa } : null;
}

/** The sensitive data classes the request says it involves. */
export function dataOf(model: Classification, words: readonly string[]): DataClassT[] {
  const { labels, probabilities: p } = model.data;
  const real = !words.includes(NOT_REAL);
  return labels.filter((label, i) => p[i]! >= D.dataAtLeast || (real && words.includes(label) && p[i]! >= D.dataWordsAtLeast)) as DataClassT[];
}
