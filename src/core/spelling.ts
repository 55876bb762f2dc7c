// Corrects misspelt request words against the catalog's own vocabulary. fuse.js scores single
// words well but whole requests badly and scans its list linearly (krisk/Fuse #610, #244), so it
// only ever sees one word at a time, against one small bucket of words that share its first letter.
import Fuse, { type IFuseOptions } from 'fuse.js';

const FUSE_OPTIONS: IFuseOptions<string> = Object.freeze({
  includeScore: true,
  threshold: 0.4,
  ignoreLocation: true,
  isCaseSensitive: true,
  shouldSort: true,
});

// Four-letter words are one typo away from too many others ("cozy" is not "copy").
const MIN_LENGTH = 5;
const CACHE_LIMIT = 10_000;

/** Optimal string alignment distance: a swapped pair of letters ("scirpt") counts once. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

// Two edits only in long words: "congrats" is two edits from "contracts", "postgres" from "posters".
const allowedEdits = (length: number): number => (length >= 10 ? 2 : 1);

export class SpellingCorrector {
  private readonly buckets = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, string | null>();

  constructor(
    private readonly vocabulary: ReadonlySet<string>,
    private readonly common: ReadonlySet<string>,
  ) {
    const grouped = new Map<string, string[]>();
    for (const word of vocabulary) {
      if (word.length < MIN_LENGTH - 1) continue;
      const key = word[0]!;
      const list = grouped.get(key) ?? [];
      list.push(word);
      grouped.set(key, list);
    }
    for (const [key, words] of grouped) this.buckets.set(key, new Fuse(words.sort(), FUSE_OPTIONS));
  }

  /** The catalog word meant by `word`, or null when it is known, common, short or too far off. */
  correct(word: string): string | null {
    if (word.length < MIN_LENGTH || this.vocabulary.has(word) || this.common.has(word) || /\d/.test(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const result = this.lookup(word);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }

  private lookup(word: string): string | null {
    const bucket = this.buckets.get(word[0]!);
    if (!bucket) return null;
    const limit = allowedEdits(word.length);
    let best: { word: string; distance: number } | null = null;
    for (const hit of bucket.search(word, { limit: 8 })) {
      // A longer or shorter form of the same word ("simple", "simpler") is a real word, not a typo.
      if (hit.item.startsWith(word) || word.startsWith(hit.item)) continue;
      const distance = editDistance(word, hit.item);
      if (distance <= limit && (!best || distance < best.distance)) best = { word: hit.item, distance };
    }
    return best?.word ?? null;
  }
}
