// Scores a request against the use cases: words are cleaned, misspellings corrected, each word
// weighed by its scope, then every phrase whose words all appear close together adds evidence
// to its use case, and use cases add evidence to their categories.
import type { Catalog } from './catalog.js';
import type { MatchIndex } from './index.js';
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
  readonly corrections: readonly { from: string; to: string }[];
}

const SPAN_SLACK = 3;
const ADJACENT_BONUS = 1.2;
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
      if (this.index.byStem.has(t.stem) || this.index.fillers.has(t.word)) continue;
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

    const perUseCase = new Map<number, { scores: number[]; matched: Set<string> }>();
    const tried = new Set<number>();
    for (const s of positions.keys()) {
      for (const id of this.index.byStem.get(s) ?? []) {
        if (tried.has(id)) continue;
        tried.add(id);
        const phrase = this.index.phrases[id]!;
        const found = locate(phrase.stems, positions);
        if (!found) continue;
        const entry = perUseCase.get(phrase.useCase) ?? { scores: [], matched: new Set<string>() };
        entry.scores.push(phrase.weight * found.weight * (found.adjacent ? ADJACENT_BONUS : 1));
        entry.matched.add(phrase.text);
        perUseCase.set(phrase.useCase, entry);
      }
    }

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
    for (const stems of this.index.offTopic) if (locate(stems, positions)) offTopic += OFF_TOPIC_WEIGHT;
    return { tokens, useCases, byCategory, offTopic, corrections };
  }
}

/** Finds all of a phrase's words within a short span; returns their weakest weight. */
function locate(
  stems: readonly string[],
  positions: ReadonlyMap<string, readonly { pos: number; weight: number }[]>,
): { weight: number; adjacent: boolean } | null {
  const first = positions.get(stems[0]!);
  if (!first) return null;
  let best: { weight: number; adjacent: boolean } | null = null;
  for (const start of first) {
    let weight = start.weight;
    let lo = start.pos;
    let hi = start.pos;
    let ok = true;
    for (let k = 1; k < stems.length && ok; k++) {
      const options = positions.get(stems[k]!);
      const near = options?.filter((o) => Math.abs(o.pos - start.pos) <= stems.length + SPAN_SLACK);
      if (!near?.length) ok = false;
      else {
        const pick = near.reduce((a, b) => (Math.abs(b.pos - start.pos) < Math.abs(a.pos - start.pos) ? b : a));
        weight = Math.min(weight, pick.weight);
        lo = Math.min(lo, pick.pos);
        hi = Math.max(hi, pick.pos);
      }
    }
    if (!ok) continue;
    const adjacent = hi - lo === stems.length - 1 && stems.length > 1;
    if (!best || weight > best.weight || (weight === best.weight && adjacent)) best = { weight, adjacent };
  }
  return best;
}

