// Finds the industry a request names in everyday words ("our clinic", "the bank", "law firm").
// Aliases are matched on whole words, singular or plural, never on stems: "filming" is not "film".
import type { Catalog } from './catalog.js';
import type { IndustryIdT } from './schema.js';
import type { Token } from './text.js';
import { tokenize } from './text.js';

export interface IndustryHit {
  readonly id: IndustryIdT;
  readonly alias: string;
}

interface Alias {
  readonly id: IndustryIdT;
  readonly alias: string;
  readonly words: readonly string[];
}

const singular = (w: string): string => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

export class IndustryReader {
  private readonly byFirstWord = new Map<string, Alias[]>();

  constructor(catalog: Catalog) {
    for (const industry of catalog.industries.values()) {
      for (const alias of industry.aliases) {
        const words = tokenize(alias).map((t) => singular(t.word));
        if (!words.length) continue;
        const list = this.byFirstWord.get(words[0]!) ?? [];
        list.push({ id: industry.id, alias, words });
        this.byFirstWord.set(words[0]!, list);
      }
    }
    // Longer aliases first, so "game studio" wins over "studio".
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  read(tokens: readonly Token[]): IndustryHit | null {
    const words = tokens.map((t) => singular(t.word));
    let best: (Alias & { at: number }) | null = null;
    words.forEach((w, i) => {
      for (const a of this.byFirstWord.get(w) ?? []) {
        if (a.words.every((x, k) => words[i + k] === x) && (!best || a.words.length > best.words.length)) {
          best = { ...a, at: i };
        }
      }
    });
    const found = best as (Alias & { at: number }) | null;
    return found ? { id: found.id, alias: found.alias } : null;
  }
}
