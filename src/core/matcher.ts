// Scores a request against the use cases: words are cleaned, misspellings corrected, each word
// weighed by its scope, then every phrase whose words all appear close together adds evidence
// to its use case, and use cases add evidence to their categories.
import type { Catalog } from './catalog.js';
import type { MatchIndex } from './index.js';
import { locate, type Location } from './locate.js';
import { Occurrences } from './occurrences.js';
import { SCORING } from './options.js';
import { joined } from './parts.js';
import type { CategoryIdT } from './schema.js';
import { IN_HAND_AFTER, weighTokens } from './scope.js';
import { ascending, descending, sortSmall } from './sort.js';
import { makeExpander, stem, stripMarkup, tokenize, type Token } from './text.js';

export interface UseCaseHit {
  readonly useCase: number;
  readonly evidence: number;
  readonly matched: readonly string[];
}

export interface Evidence {
  readonly tokens: readonly Token[];
  /** Per token: how much it says about the output wanted (see scope.ts). */
  readonly weights: readonly number[];
  /** Use cases with evidence, strongest first. */
  readonly useCases: readonly UseCaseHit[];
  readonly byCategory: ReadonlyMap<CategoryIdT, number>;
  readonly offTopic: number;
  /** Whether the request names two categories' outputs as separate parts ("copy, and images"). */
  readonly separate: (a: CategoryIdT, b: CategoryIdT) => boolean;
  readonly corrections: readonly { from: string; to: string }[];
}

interface Found {
  readonly id: number;
  readonly length: number;
  readonly at: Location;
  readonly score: number;
}

const { adjacentBonus: ADJACENT_BONUS, scattered: SCATTERED, furtherPhrase: FURTHER_PHRASE, furtherUseCase: FURTHER_USE_CASE,
  secondaryShare: SECONDARY_SHARE, offTopicWeight: OFF_TOPIC_WEIGHT, phraseWeight: PHRASE_WEIGHT } = SCORING.phrase;

// The most specific phrase claims its words first: "music video" leaves nothing for "music" or
// "video" alone, so one expression is not counted again by every shorter phrase inside it.
const strongestFirst = (a: Found, b: Found): number => descending(a.score, b.score) || descending(a.length, b.length) || ascending(a.id, b.id);
const strongestUseCase = (a: UseCaseHit, b: UseCaseHit): number => descending(a.evidence, b.evidence) || ascending(a.useCase, b.useCase);

export class Matcher {
  private readonly expand: (text: string) => string;
  private readonly scopeWords;
  private readonly occurrences: Occurrences;
  /** A second set for the words a request rules out or has in hand: only combined answers ask. */
  private held: Occurrences | null = null;

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
    this.occurrences = new Occurrences(index.stemIds.size);
  }

  /** Normalised words of a request, for the industry and volume readers too. */
  words(text: string): Token[] {
    return tokenize(this.expand(stripMarkup(text)));
  }

  match(text: string): Evidence {
    const { index } = this;
    const tokens = this.words(text);
    const weights = weighTokens(tokens, this.scopeWords);
    const words = this.occurrences;
    words.reset(tokens.length);
    const corrections: { from: string; to: string }[] = [];
    tokens.forEach((t, i) => {
      let id = index.stemIds.get(t.stem);
      if (!(id !== undefined && id < index.phraseStems) && !index.fillers.has(t.word)) {
        const fixed = index.corrector.correct(t.word);
        if (fixed) {
          t.stem = stem(fixed);
          id = index.stemIds.get(t.stem);
          corrections.push({ from: t.word, to: fixed });
        }
      }
      if (id !== undefined && weights[i]! > 0) words.add(id, i, weights[i]!);
    });

    const found: Found[] = [];
    let offTopic = 0;
    for (let k = 0; k < words.stemCount; k++) {
      const filed = index.byStem[words.stem(k)];
      if (!filed) continue;
      for (const group of filed.groups) {
        const at = locate(group.ids, group.span, words, tokens, group.written);
        if (!at) continue;
        const shape = at.adjacent ? ADJACENT_BONUS : group.ids.length === 1 ? 1 : SCATTERED;
        for (const id of group.phrases) {
          found.push({ id, length: group.ids.length, at, score: index.phrases[id]!.weight * at.weight * shape });
        }
      }
      for (const stems of filed.offTopic) if (locate(stems, stems.length, words)) offTopic += OFF_TOPIC_WEIGHT;
    }
    sortSmall(found, strongestFirst);
    const claims: Found[] = [];
    for (const f of found) {
      if (f.at.positions.every((p) => words.claimed(p))) continue;
      for (const p of f.at.positions) words.claim(p);
      claims.push(f);
    }

    const useCases = this.hits(claims);
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
    const separate = (a: CategoryIdT, b: CategoryIdT): boolean => this.separate(claims, tokens, a, b);
    return { tokens, weights, useCases, byCategory, offTopic, separate, corrections };
  }

  /** The kinds whose phrases a request names only as ruled out or already in hand ("no voiceover",
   * "the script is ready"): a combined answer's recipe leaves those parts out. */
  heldBack(ev: Evidence): CategoryIdT[] {
    const { index } = this;
    const words = (this.held ??= new Occurrences(index.stemIds.size));
    words.reset(ev.tokens.length);
    ev.tokens.forEach((t, i) => {
      const id = index.stemIds.get(t.stem);
      // Ruled-out and in-hand words weigh nothing; so does the word saying so ("is *written*").
      const held = ev.weights[i] === SCORING.scope.excluded || this.marksInHand(ev.tokens, i);
      if (held && id !== undefined && id < index.phraseStems) words.add(id, i, 1);
    });
    const held: CategoryIdT[] = [];
    for (let k = 0; k < words.stemCount; k++) {
      for (const group of index.byStem[words.stem(k)]?.groups ?? []) {
        if (!locate(group.ids, group.span, words, ev.tokens, group.written)) continue;
        for (const id of group.phrases) {
          const c = this.catalog.useCases[index.phrases[id]!.useCase]!.category;
          if (!held.includes(c)) held.push(c);
        }
      }
    }
    return held;
  }

  /** "written" in "the script is written": an in-hand word after a form of "be" (see scope.ts). */
  private marksInHand(tokens: readonly Token[], i: number): boolean {
    return i > 0 && this.scopeWords.inHand.has(tokens[i]!.word) && IN_HAND_AFTER.has(tokens[i - 1]!.word);
  }

  /** The use cases the claimed phrases belong to, strongest first. */
  private hits(claims: readonly Found[]): UseCaseHit[] {
    const hits: UseCaseHit[] = [];
    claims.forEach((first, i) => {
      const useCase = this.index.phrases[first.id]!.useCase;
      // Each use case once, from its first claim on.
      for (let j = 0; j < i; j++) if (this.index.phrases[claims[j]!.id]!.useCase === useCase) return;
      // Claims come strongest first: the first is the use case's best phrase, the rest add less.
      let further = 0;
      const matched = [this.index.phrases[first.id]!.text];
      for (let j = i + 1; j < claims.length; j++) {
        const phrase = this.index.phrases[claims[j]!.id]!;
        if (phrase.useCase !== useCase) continue;
        further += claims[j]!.score;
        if (!matched.includes(phrase.text)) matched.push(phrase.text);
      }
      hits.push({ useCase, evidence: first.score + FURTHER_PHRASE * further, matched });
    });
    return sortSmall(hits, strongestUseCase);
  }

  /** Whether some outright phrase of category `a` and one of `b` are in separate parts. */
  private separate(claims: readonly Found[], tokens: readonly Token[], a: CategoryIdT, b: CategoryIdT): boolean {
    for (const x of claims) {
      if (!this.marksPart(x, a)) continue;
      for (const y of claims) {
        if (!this.marksPart(y, b)) continue;
        for (const p of x.at.positions) for (const q of y.at.positions) if (joined(tokens, p, q)) return true;
      }
    }
    return false;
  }

  /** Only outright phrases mark where a part of the request is; cues are too loose for that. */
  private marksPart(claim: Found, category: CategoryIdT): boolean {
    const phrase = this.index.phrases[claim.id]!;
    return phrase.weight >= PHRASE_WEIGHT && this.catalog.useCases[phrase.useCase]!.category === category;
  }
}
