// The matcher's index: every phrase and cue of every use case, stemmed once at start-up and
// filed under each of its words, so a request only looks at phrases that share a word with it.
// Stems are numbered, so a request's words are looked up by number rather than by text.
import type { Catalog } from './catalog.js';
import { SCORING } from './options.js';
import { SpellingCorrector } from './spelling.js';
import { makeExpander, phraseStems, tokenize } from './text.js';


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

/** The words of one or more phrases with the same key: located once, claimed by each phrase. */
export interface PhraseGroup {
  /** Stem ids of the words to find, in order. */
  readonly ids: readonly number[];
  readonly span: number;
  readonly written: readonly string[];
  /** Phrases that claim the words when found: only the first of each weight, as one
   * expression shared by several use cases is claimed once. */
  readonly phrases: readonly number[];
}

export interface Filed {
  /** Each group is filed once, under its rarest word: a phrase can only match if that word is there. */
  readonly groups: readonly PhraseGroup[];
  /** Off-topic expressions (as stem ids), filed under their first word. */
  readonly offTopic: readonly (readonly number[])[];
}

export interface MatchIndex {
  readonly phrases: readonly IndexedPhrase[];
  /** Every stem a phrase or an off-topic expression uses, numbered; phrase stems first. */
  readonly stemIds: ReadonlyMap<string, number>;
  /** Stem ids below this are words of some phrase: words the request may be corrected into. */
  readonly phraseStems: number;
  /** By stem id: what to look for when the request has the stem; nothing for most stems. */
  readonly byStem: readonly (Filed | undefined)[];
  readonly corrector: SpellingCorrector;
  readonly fillers: ReadonlySet<string>;
}

// Words that glue a phrase together but need not appear in the request for it to match.
const GLUE = new Set(['a', 'an', 'the', 'of', 'for', 'to', 'and', 'or', 'my', 'our', 'your', 'in', 'on', 'with', 'from', 'into', 'some', 'this', 'it']);

export const contentStems = (phrase: string): string[] => phraseStems(phrase).filter((s) => !GLUE.has(s));

export function buildIndex(catalog: Catalog): MatchIndex {
  const phrases: IndexedPhrase[] = [];
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
    for (const p of u.phrases) add(i, p, SCORING.phrase.phraseWeight);
    for (const c of u.cues) add(i, c, SCORING.phrase.cueWeight);
  });

  // Phrase stems are numbered first, then the stems only off-topic expressions use.
  const stemIds = new Map<string, number>();
  const idOf = (s: string): number => {
    if (!stemIds.has(s)) stemIds.set(s, stemIds.size);
    return stemIds.get(s)!;
  };
  for (const s of frequency.keys()) idOf(s);
  const phraseStemCount = stemIds.size;
  const filed = new Map<number, { groups: PhraseGroup[]; offTopic: number[][] }>();
  const fileUnder = (id: number): { groups: PhraseGroup[]; offTopic: number[][] } => {
    if (!filed.has(id)) filed.set(id, { groups: [], offTopic: [] });
    return filed.get(id)!;
  };
  for (const p of catalog.lexicon.offTopic) {
    const ids = contentStems(p).map(idOf);
    if (ids.length) fileUnder(ids[0]!).offTopic.push(ids);
  }

  // Phrases with the same key are one group; of those, only the first of each weight claims.
  const groups = new Map<string, PhraseGroup & { phrases: number[] }>();
  phrases.forEach((p, id) => {
    const group = groups.get(p.key);
    if (!group) {
      // A literal of one: most groups have one phrase, and a pushed-to array reserves room for 17.
      const created = { ids: p.stems.map(idOf), span: p.span, written: p.written, phrases: [id] };
      groups.set(p.key, created);
      const rarest = p.stems.reduce((a, b) => (frequency.get(b)! < frequency.get(a)! ? b : a));
      fileUnder(idOf(rarest)).groups.push(created);
    } else if (!group.phrases.some((q) => phrases[q]!.weight === p.weight)) {
      group.phrases.push(id);
    }
  });
  for (const p of catalog.lexicon.offTopic) for (const t of tokenize(p)) vocabulary.add(t.word);
  const common = new Set(catalog.lexicon.commonWords.map((w) => w.toLowerCase()));
  return {
    phrases,
    stemIds,
    phraseStems: phraseStemCount,
    byStem: Array.from({ length: stemIds.size }, (_, id) => filed.get(id)),
    corrector: new SpellingCorrector(vocabulary, common),
    fillers: new Set([...common, ...GLUE]),
  };
}
