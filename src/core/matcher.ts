// Scores a request against the use cases: words are cleaned, misspellings corrected, each word
// weighed by its scope, then every phrase whose words all appear close together adds evidence
// to its use case, and use cases add evidence to their categories.
import type { Catalog } from './catalog.js';
import { PHRASE_WEIGHT, type MatchIndex } from './index.js';
import type { CategoryIdT } from './schema.js';
import { weighTokens } from './scope.js';
import { makeExpander, stem, stripMarkup, tokenize, type Token } from './text.js';

export interface UseCaseHit {
  readonly useCase: number;
  readonly evidence: number;
  readonly matched: readonly string[];
}

export interface Evidence {
  readonly tokens: readonly Token[];
  /** Use cases with evidence, strongest first. */
  readonly useCases: readonly UseCaseHit[];
  readonly byCategory: ReadonlyMap<CategoryIdT, number>;
  readonly offTopic: number;
  /** Whether the request names two categories' outputs as separate parts ("copy, and images"). */
  readonly separate: (a: CategoryIdT, b: CategoryIdT) => boolean;
  readonly corrections: readonly { from: string; to: string }[];
}

const SPAN_SLACK = 3;
const ADJACENT_BONUS = 1.2;
// Words of a phrase scattered among others are weaker evidence than the phrase as written.
const SCATTERED = 0.8;
// Words that join the parts of a request that asks for several things.
const CONJUNCTIONS = new Set(['and', 'plus', 'then', 'also', 'both', 'with']);
// A use case's further phrases add less than its best one: more ways of saying the same need.
const FURTHER_PHRASE = 0.5;
// Other use cases of the same category add a little: a request full of one medium.
const FURTHER_USE_CASE = 0.3;
const SECONDARY_SHARE = 0.5;
// Small talk counts a little less than a clear request, so "thanks! now write a poem" is answered.
const OFF_TOPIC_WEIGHT = 2.5;

export class Matcher {
  private readonly expand: (text: string) => string;
  private readonly scopeWords;

  constructor(
    private readonly catalog: Catalog,
    private readonly index: MatchIndex,
  ) {
    this.expand = makeExpander(catalog.lexicon.replacements);
    this.scopeWords = {
      negations: new Set(catalog.lexicon.negations),
      inHand: new Set(catalog.lexicon.inHand),
      common: index.fillers,
    };
  }

  /** Normalised words of a request, for the industry and volume readers too. */
  words(text: string): Token[] {
    return tokenize(this.expand(stripMarkup(text)));
  }

  match(text: string): Evidence {
    const tokens = this.words(text);
    const corrections: { from: string; to: string }[] = [];
    for (const t of tokens) {
      if (this.index.known.has(t.stem) || this.index.fillers.has(t.word)) continue;
      const fixed = this.index.corrector.correct(t.word);
      if (fixed) {
        t.stem = stem(fixed);
        corrections.push({ from: t.word, to: fixed });
      }
    }
    const weights = weighTokens(tokens, this.scopeWords);
    const positions = new Map<string, { pos: number; weight: number }[]>();
    tokens.forEach((t, i) => {
      if (weights[i]! <= 0) return;
      const list = positions.get(t.stem) ?? [];
      list.push({ pos: t.position, weight: weights[i]! });
      positions.set(t.stem, list);
    });

    const found: { id: number; positions: number[]; score: number }[] = [];
    const located = new Map<string, ReturnType<typeof locate>>();
    const seen = new Set<string>();
    for (const s of positions.keys()) {
      for (const id of this.index.byStem.get(s) ?? []) {
        const phrase = this.index.phrases[id]!;
        // A phrase shared by several use cases can only be claimed once: keep the first.
        const shared = `${phrase.key}|${phrase.weight}`;
        if (seen.has(shared)) continue;
        seen.add(shared);
        let at = located.get(phrase.key);
        if (at === undefined) {
          at = locate(phrase.stems, phrase.span, positions, (lo, hi) => crossesPart(tokens, lo, hi, phrase.written));
          located.set(phrase.key, at);
        }
        if (at) found.push({ id, positions: at.positions, score: phrase.weight * at.weight * (at.adjacent ? ADJACENT_BONUS : stems1(phrase.stems) ? 1 : SCATTERED) });
      }
    }
    // The most specific phrase claims its words: "music video" leaves nothing for "music" or
    // "video" alone, so one expression is not counted again by every shorter phrase inside it.
    const length = (id: number): number => this.index.phrases[id]!.stems.length;
    found.sort((a, b) => b.score - a.score || length(b.id) - length(a.id) || a.id - b.id);
    const claimed = new Set<number>();
    const perUseCase = new Map<number, { scores: number[]; matched: Set<string>; positions: number[] }>();
    for (const f of found) {
      if (f.positions.every((p) => claimed.has(p))) continue;
      for (const p of f.positions) claimed.add(p);
      const phrase = this.index.phrases[f.id]!;
      const entry = perUseCase.get(phrase.useCase) ?? { scores: [], matched: new Set<string>(), positions: [] };
      entry.scores.push(f.score);
      // Only outright phrases mark where a part of the request is; cues are too loose for that.
      if (phrase.weight >= PHRASE_WEIGHT.phrase) entry.positions.push(...f.positions);
      entry.matched.add(phrase.text);
      perUseCase.set(phrase.useCase, entry);
    }

    const categoryPositions = new Map<CategoryIdT, Set<number>>();
    for (const [useCase, { positions: at }] of perUseCase) {
      const c = this.catalog.useCases[useCase]!.category;
      const set = categoryPositions.get(c) ?? new Set<number>();
      for (const p of at) set.add(p);
      categoryPositions.set(c, set);
    }
    const separate = (a: CategoryIdT, b: CategoryIdT): boolean => {
      const ys = [...(categoryPositions.get(b) ?? [])];
      return [...(categoryPositions.get(a) ?? [])].some((x) => ys.some((y) => joined(tokens, x, y)));
    };

    const useCases: UseCaseHit[] = [...perUseCase].map(([useCase, { scores, matched }]) => {
      const sorted = scores.sort((a, b) => b - a);
      const evidence = sorted[0]! + FURTHER_PHRASE * sorted.slice(1).reduce((a, b) => a + b, 0);
      return { useCase, evidence, matched: [...matched] };
    });
    useCases.sort((a, b) => b.evidence - a.evidence || a.useCase - b.useCase);

    const byCategory = new Map<CategoryIdT, number>();
    const add = (c: CategoryIdT, amount: number): void => {
      const current = byCategory.get(c);
      byCategory.set(c, current === undefined ? amount : current + FURTHER_USE_CASE * amount);
    };
    for (const hit of useCases) {
      const u = this.catalog.useCases[hit.useCase]!;
      add(u.category, hit.evidence);
      if (u.secondary) add(u.secondary, SECONDARY_SHARE * hit.evidence);
    }

    let offTopic = 0;
    for (const stems of this.index.offTopic) if (locate(stems, stems.length, positions)) offTopic += OFF_TOPIC_WEIGHT;
    return { tokens, useCases, byCategory, offTopic, separate, corrections };
  }
}

const stems1 = (stems: readonly string[]): boolean => stems.length === 1;

/** Two positions in different clauses, or with a joining word between them. */
function joined(tokens: readonly Token[], x: number, y: number): boolean {
  const [lo, hi] = x < y ? [x, y] : [y, x];
  if (tokens[lo]!.clause !== tokens[hi]!.clause) return true;
  for (let i = lo + 1; i < hi; i++) if (CONJUNCTIONS.has(tokens[i]!.word)) return true;
  return false;
}

/** One phrase never reaches across two parts of a request: "images or video" is not "image to video". */
function crossesPart(tokens: readonly Token[], lo: number, hi: number, stems: readonly string[]): boolean {
  if (tokens[lo]!.clause !== tokens[hi]!.clause) return true;
  for (let i = lo + 1; i < hi; i++) {
    const w = tokens[i]!.word;
    if ((CONJUNCTIONS.has(w) || w === 'or') && !stems.includes(tokens[i]!.stem)) return true;
  }
  return false;
}

/** Finds all of a phrase's words within a short span; returns where, and their weakest weight. */
function locate(
  stems: readonly string[],
  span: number,
  positions: ReadonlyMap<string, readonly { pos: number; weight: number }[]>,
  crosses: (lo: number, hi: number) => boolean = () => false,
): { weight: number; adjacent: boolean; positions: number[] } | null {
  const first = positions.get(stems[0]!);
  if (!first) return null;
  let best: { weight: number; adjacent: boolean; positions: number[] } | null = null;
  for (const start of first) {
    let weight = start.weight;
    const at = [start.pos];
    // Words in the order written: "customer queries" is not "a query that finds customers".
    for (let k = 1; k < stems.length; k++) {
      const previous = at[at.length - 1]!;
      const next = positions.get(stems[k]!)?.find((o) => o.pos > previous && o.pos - start.pos <= span + SPAN_SLACK);
      if (!next) break;
      weight = Math.min(weight, next.weight);
      at.push(next.pos);
    }
    if (at.length < stems.length || crosses(Math.min(...at), Math.max(...at))) continue;
    const adjacent = stems.length > 1 && Math.max(...at) - Math.min(...at) <= span - 1;
    if (!best || weight > best.weight || (weight === best.weight && adjacent)) best = { weight, adjacent, positions: at };
  }
  return best;
}
