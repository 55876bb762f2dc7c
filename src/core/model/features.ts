// What the learned model sees of a request: its words, word pairs and letter groups (so a typo
// or an unseen word still shares most of its letters with known ones), each word marked when it
// is ruled out or only context, and the phrase matcher's evidence per category. Each family is
// scaled to unit length, so a five-sentence request does not outvote a two-word one.
import type { CategoryIdT } from '../schema.js';
import type { Token } from '../text.js';

/** The phrase matcher's view of a request, as the model takes it in. */
export interface MatcherView {
  readonly tokens: readonly Token[];
  /** Per token: 1 the output asked for, below 1 context, 0 ruled out or already in hand. */
  readonly weights: readonly number[];
  readonly byCategory: ReadonlyMap<CategoryIdT, number>;
  readonly offTopic: number;
  /** The catalog-only decision: its top category, or null for "nothing fits". */
  readonly phraseTop: CategoryIdT | 'none';
  /** Industries whose everyday words the request uses. */
  readonly industries: readonly string[];
  /** Industries whose trade words the request uses. */
  readonly industryTerms: readonly string[];
  /** The kinds of the AI products the request names. */
  readonly tools: readonly CategoryIdT[];
  /** Data classes whose words the request uses, and "not-real" for synthetic or anonymised data. */
  readonly dataTerms: readonly string[];
  /** Kinds whose trade jargon the request uses. */
  readonly kindTerms: readonly string[];
}

export type FeatureFamily = 'word' | 'pair' | 'chars' | 'matcher' | 'industry' | 'tool' | 'data' | 'kind';

/** Features by name with their values; a name's first letter says its family. */
export type Features = Map<string, number>;

const NUMBER = /^\d+(?:[.,]\d+)?[km]?$/;
const CHAR_GRAMS = [3, 4] as const;

const word = (t: Token): string => (NUMBER.test(t.word) ? '0' : t.stem);

function addUnit(into: Features, family: Map<string, number>, scale = 1): void {
  let sum = 0;
  for (const v of family.values()) sum += v * v;
  if (!sum) return;
  const k = scale / Math.sqrt(sum);
  for (const [name, v] of family) into.set(name, v * k);
}

function bump(m: Map<string, number>, name: string, by = 1): void {
  m.set(name, (m.get(name) ?? 0) + by);
}

// Letter groups by word: the same words come back in request after request, and cutting them
// up is most of a long request's cost. Bounded, and simply emptied when full.
const LETTERS_CACHE_LIMIT = 50_000;
const lettersCache = new Map<string, readonly string[]>();

function lettersOf(word: string): readonly string[] {
  let groups = lettersCache.get(word);
  if (!groups) {
    const padded = `<${word}>`;
    const out: string[] = [];
    for (const n of CHAR_GRAMS) for (let k = 0; k + n <= padded.length; k++) out.push(`c${padded.slice(k, k + n)}`);
    if (lettersCache.size >= LETTERS_CACHE_LIMIT) lettersCache.clear();
    lettersCache.set(word, (groups = out));
  }
  return groups;
}

export function extractFeatures(view: MatcherView): Features {
  const out: Features = new Map();
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  const chars = new Map<string, number>();
  const { tokens, weights } = view;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = word(t);
    bump(words, `w${w}`);
    const scope = weights[i] ?? 1;
    // The same word ruled out ("no voiceover") or named only as input means something else.
    if (scope === 0) bump(words, `x${w}`);
    else if (scope < 1) bump(words, `p${w}`);
    const next = tokens[i + 1];
    if (next && next.clause === t.clause) bump(pairs, `b${w} ${word(next)}`);
    if (t.word.length >= 3 && !NUMBER.test(t.word)) for (const g of lettersOf(t.word)) bump(chars, g);
  }
  if (!tokens.length) out.set('eempty', 1);
  addUnit(out, words);
  addUnit(out, pairs, 0.7);
  addUnit(out, chars, 0.7);
  for (const [c, e] of view.byCategory) out.set(`m${c}`, Math.log1p(e) / 2);
  if (view.offTopic) out.set('moff', Math.log1p(view.offTopic) / 2);
  out.set(`mtop ${view.phraseTop}`, 1);
  for (const id of view.industries) out.set(`i${id}`, 1);
  for (const id of view.industryTerms) out.set(`j${id}`, 1);
  for (const c of view.tools) out.set(`t${c}`, 1);
  for (const c of view.dataTerms) out.set(`d${c}`, 1);
  for (const c of view.kindTerms) out.set(`k${c}`, 1);
  // A bias per head is learnt as this always-present feature.
  out.set('1', 1);
  return out;
}

/** The family of a feature name, for heads that use only some families. */
export function familyOf(name: string): FeatureFamily | 'bias' {
  switch (name[0]) {
    case 'w':
    case 'x':
    case 'p':
    case 'e':
      return 'word';
    case 'b':
      return 'pair';
    case 'c':
      return 'chars';
    case 'm':
      return 'matcher';
    case 'i':
    case 'j':
      return 'industry';
    case 't':
      return 'tool';
    case 'd':
      return 'data';
    case 'k':
      return 'kind';
    default:
      return 'bias';
  }
}
