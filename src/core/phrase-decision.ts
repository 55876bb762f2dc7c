// The catalog-only decision. Turns per-category phrase evidence into a ranked decision: combines language and media into
// `multimodal` when a request asks for both, says "nothing fits" when evidence is thin or the
// message is small talk, and measures how sure the decision is.
import { SCORING } from './options.js';
import type { CategoryIdT } from './schema.js';
import { descending, sortSmall } from './sort.js';

const DECISION = { ...SCORING.phraseDecision, maxRecommendations: SCORING.decision.maxRecommendations };

const MEDIA: ReadonlySet<CategoryIdT> = new Set(['image', 'video', 'audio', '3d']);

/** Whether two categories' outputs are named as separate parts of the request. */
export type Separate = (a: CategoryIdT, b: CategoryIdT) => boolean;

export interface Ranked {
  readonly category: CategoryIdT;
  readonly evidence: number;
  readonly score: number;
}

export interface Decision {
  readonly ranked: readonly Ranked[];
  /** For `multimodal`: the categories that do the parts, strongest first. */
  readonly parts: readonly CategoryIdT[];
  readonly confidence: number;
  readonly tie: boolean;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

type Scores = [CategoryIdT, number][];

const strongest = (a: [CategoryIdT, number], b: [CategoryIdT, number]): number => descending(a[1], b[1]);
const strongestThenName = (a: [CategoryIdT, number], b: [CategoryIdT, number]): number => strongest(a, b) || a[0].localeCompare(b[0]);

const scoreOf = (scores: Scores, c: CategoryIdT): number | undefined => scores.find((s) => s[0] === c)?.[1];

/** Sets a category's score in place, or adds it last, as a Map would. */
function setScore(scores: Scores, c: CategoryIdT, score: number): void {
  const entry = scores.find((s) => s[0] === c);
  if (entry) entry[1] = score;
  else scores.push([c, score]);
}

function combinedParts(scores: Scores, separate: Separate): readonly CategoryIdT[] {
  const strong = scores.filter(([c, e]) => (c === 'llm' || MEDIA.has(c)) && e >= DECISION.strongPart);
  if (strong.length < 2) return [];
  sortSmall(strong, strongest);
  const [first, second] = strong as [[CategoryIdT, number], [CategoryIdT, number]];
  const withLanguage = first[0] === 'llm' || second[0] === 'llm';
  const ratio = withLanguage ? DECISION.languageMediaRatio : DECISION.mediaMediaRatio;
  if (second[1] < ratio * first[1] || !separate(first[0], second[0])) return [];
  return strong.filter(([c, e]) => e >= ratio * first[1] && (c === first[0] || separate(first[0], c))).map(([c]) => c);
}

export function decide(
  evidence: ReadonlyMap<CategoryIdT, number>,
  offTopic: number,
  separate: Separate,
  prefer?: CategoryIdT,
): Decision {
  // Entries in the evidence's order: ties between parts keep it.
  const scores: Scores = [];
  evidence.forEach((e, c) => scores.push([c, e]));
  const parts = combinedParts(scores, separate);
  if (parts.length) {
    const sum = parts.reduce((a, c) => a + (scoreOf(scores, c) ?? 0), 0);
    setScore(scores, 'multimodal', Math.max(scoreOf(scores, 'multimodal') ?? 0, DECISION.combinedShare * sum));
  }
  let top = 0;
  for (const [, e] of scores) top = Math.max(top, e);
  if (prefer) setScore(scores, prefer, Math.max(scoreOf(scores, prefer) ?? 0, top * 1.1, DECISION.minEvidence));

  const sorted = sortSmall(scores, strongestThenName);
  const best = sorted[0]?.[1] ?? 0;
  const nothing = best < DECISION.minEvidence || (offTopic > 0 && offTopic >= best && !prefer);
  const ranked: Ranked[] = [];
  if (!nothing) {
    for (const [category, e] of sorted) {
      if (ranked.length === DECISION.maxRecommendations) break;
      if (e >= DECISION.alternativeShare * best) ranked.push({ category, evidence: e, score: round(e / (e + DECISION.scoreHalf)) });
    }
  }

  const first = ranked[0]?.evidence ?? 0;
  const second = ranked[1]?.evidence ?? 0;
  const confidence = first ? round((1 - Math.exp(-first / DECISION.scoreHalf)) * (0.5 + (0.5 * (first - second)) / first)) : 0;
  const tie = !prefer && ranked.length > 1 && second >= DECISION.tieShare * first;
  return { ranked, parts: ranked[0]?.category === 'multimodal' ? parts : [], confidence, tie };
}
