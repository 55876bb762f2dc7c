// Finds which of many short word lists a request uses ("our clinic", "api key", "under nda"):
// whole words in order, singular or plural, never stems ("filming" is not "film"). Each phrase
// belongs to a key (an industry, a data class); the longest phrase at a place wins.
import type { Token } from './text.js';
import { tokenize } from './text.js';

export interface PhraseHit<K> {
  readonly key: K;
  readonly phrase: string;
}

interface Entry<K> {
  readonly key: K;
  readonly phrase: string;
  readonly words: readonly string[];
}

const singular = (w: string): string => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

export class PhraseSet<K> {
  /** By first word as a request writes it: singular, or plural where that reads back. */
  private readonly byFirstWord = new Map<string, Entry<K>[]>();

  constructor(entries: Iterable<{ key: K; phrase: string }>) {
    const bySingular = new Map<string, Entry<K>[]>();
    for (const { key, phrase } of entries) {
      const words = tokenize(phrase).map((t) => singular(t.word));
      if (!words.length) continue;
      const list = bySingular.get(words[0]!) ?? [];
      list.push({ key, phrase, words });
      bySingular.set(words[0]!, list);
    }
    for (const [first, list] of bySingular) {
      // Longer phrases first, so "game studio" wins over "studio".
      list.sort((a, b) => b.words.length - a.words.length);
      for (const written of [first, `${first}s`]) if (singular(written) === first) this.byFirstWord.set(written, list);
    }
  }

  /** Every phrase found, once per key, longest first. */
  findAll(tokens: readonly Token[]): PhraseHit<K>[] {
    const hits: Entry<K>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const entries = this.byFirstWord.get(tokens[i]!.word);
      if (!entries) continue;
      for (const e of entries) if (startsAt(tokens, i, e.words)) hits.push(e);
    }
    hits.sort((a, b) => b.words.length - a.words.length);
    const seen = new Set<K>();
    return hits.filter((e) => !seen.has(e.key) && seen.add(e.key)).map((e) => ({ key: e.key, phrase: e.phrase }));
  }

  /** The longest phrase found, or null. */
  find(tokens: readonly Token[]): PhraseHit<K> | null {
    let best: Entry<K> | null = null;
    for (let i = 0; i < tokens.length; i++) {
      const entries = this.byFirstWord.get(tokens[i]!.word);
      if (!entries) continue;
      for (const e of entries) if ((!best || e.words.length > best.words.length) && startsAt(tokens, i, e.words)) best = e;
    }
    return best ? { key: best.key, phrase: best.phrase } : null;
  }
}

function startsAt(tokens: readonly Token[], at: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const t = tokens[at + k];
    if (!t || singular(t.word) !== words[k]) return false;
  }
  return true;
}
