// The matcher's index: every phrase and cue of every use case, stemmed once at start-up and
// filed under each of its words, so a request only looks at phrases that share a word with it.
import type { Catalog } from './catalog.js';
import { SpellingCorrector } from './spelling.js';
import { makeExpander, phraseStems, tokenize } from './text.js';

export const PHRASE_WEIGHT = Object.freeze({ phrase: 3, cue: 1 });

export interface IndexedPhrase {
  readonly useCase: number;
  readonly stems: readonly string[];
  /** Words as written, glue included: the span the phrase covers when typed as written. */
  readonly span: number;
  /** Every stem as written, glue included ("and" in "copy and images"). */
  readonly written: readonly string[];
  /** Same key, same words: several use cases may share a phrase, and it is located once. */
  readonly key: string;
  readonly text: string;
  readonly weight: number;
}

export interface MatchIndex {
  readonly phrases: readonly IndexedPhrase[];
  /** Each phrase filed once, under its rarest word: a phrase can only match if that word is there. */
  readonly byStem: ReadonlyMap<string, readonly number[]>;
  /** Every stem any phrase uses. */
  readonly known: ReadonlySet<string>;
  readonly offTopic: readonly (readonly string[])[];
  readonly corrector: SpellingCorrector;
  readonly fillers: ReadonlySet<string>;
}

// Words that glue a phrase together but need not appear in the request for it to match.
const GLUE = new Set(['a', 'an', 'the', 'of', 'for', 'to', 'and', 'or', 'my', 'our', 'your', 'in', 'on', 'with', 'from', 'into', 'some', 'this', 'it']);

export const contentStems = (phrase: string): string[] => phraseStems(phrase).filter((s) => !GLUE.has(s));

export function buildIndex(catalog: Catalog): MatchIndex {
  const phrases: IndexedPhrase[] = [];
  const byStem = new Map<string, number[]>();
  const frequency = new Map<string, number>();
  const vocabulary = new Set<string>();
  // Phrases get the same shorthand expansion as requests, so "b-roll" in data meets "b-roll" typed.
  const expand = makeExpander(catalog.lexicon.replacements);
  const add = (useCase: number, written: string, weight: number): void => {
    const text = expand(written).trim();
    const all = phraseStems(text);
    const content = contentStems(text);
    // "the words" or "voice for" would shrink to one bare word; the author meant the pair.
    const stems = content.length === 1 && all.length > 1 ? all : content;
    if (!stems.length) return;
    phrases.push({ useCase, stems, span: all.length, written: all, key: all.join(' '), text: written, weight });
    for (const s of stems) frequency.set(s, (frequency.get(s) ?? 0) + 1);
    for (const t of tokenize(text)) if (!GLUE.has(t.word)) vocabulary.add(t.word);
  };
  catalog.useCases.forEach((u, i) => {
    for (const p of u.phrases) add(i, p, PHRASE_WEIGHT.phrase);
    for (const c of u.cues) add(i, c, PHRASE_WEIGHT.cue);
  });
  phrases.forEach((p, id) => {
    const rarest = p.stems.reduce((a, b) => (frequency.get(b)! < frequency.get(a)! ? b : a));
    const list = byStem.get(rarest) ?? [];
    list.push(id);
    byStem.set(rarest, list);
  });
  const offTopic = catalog.lexicon.offTopic.map(contentStems).filter((s) => s.length);
  for (const p of catalog.lexicon.offTopic) for (const t of tokenize(p)) vocabulary.add(t.word);
  const common = new Set(catalog.lexicon.commonWords.map((w) => w.toLowerCase()));
  return {
    phrases,
    byStem,
    known: new Set(frequency.keys()),
    offTopic,
    corrector: new SpellingCorrector(vocabulary, common),
    fillers: new Set([...common, ...GLUE]),
  };
}
