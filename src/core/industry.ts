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
  /** Aliases by their first word as a request writes it: singular, or plural where that reads back. */
  private readonly byFirstWord = new Map<string, Alias[]>();

  constructor(catalog: Catalog) {
    const bySingular = new Map<string, Alias[]>();
    for (const industry of catalog.industries.values()) {
      for (const alias of industry.aliases) {
        const words = tokenize(alias).map((t) => singular(t.word));
        if (!words.length) continue;
        const list = bySingular.get(words[0]!) ?? [];
        list.push({ id: industry.id, alias, words });
        bySingular.set(words[0]!, list);
      }
    }
    for (const [first, list] of bySingular) {
      // Longer aliases first, so "game studio" wins over "studio".
      list.sort((a, b) => b.words.length - a.words.length);
      for (const written of [first, `${first}s`]) if (singular(written) === first) this.byFirstWord.set(written, list);
    }
  }

  read(tokens: readonly Token[]): IndustryHit | null {
    let best: Alias | null = null;
    for (let i = 0; i < tokens.length; i++) {
      const aliases = this.byFirstWord.get(tokens[i]!.word);
      if (!aliases) continue;
      for (const a of aliases) if ((!best || a.words.length > best.words.length) && startsAt(tokens, i, a.words)) best = a;
    }
    return best ? { id: best.id, alias: best.alias } : null;
  }
}

function startsAt(tokens: readonly Token[], at: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const t = tokens[at + k];
    if (!t || singular(t.word) !== words[k]) return false;
  }
  return true;
}
