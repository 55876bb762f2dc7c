// Finds the industry a request names in everyday words ("our clinic", "the bank", "law firm"):
// catalog aliases, which name an industry outright, and trade terms, which the model weighs.
import type { Catalog } from './catalog.js';
import { PhraseSet } from './phrase-set.js';
import type { IndustryIdT } from './schema.js';
import type { Token } from './text.js';

export interface IndustryHit {
  readonly id: IndustryIdT;
  readonly alias: string;
}

export class IndustryReader {
  private readonly aliases: PhraseSet<IndustryIdT>;
  private readonly terms: PhraseSet<IndustryIdT>;

  constructor(catalog: Catalog) {
    const industries = [...catalog.industries.values()];
    this.aliases = new PhraseSet(industries.flatMap((d) => d.aliases.map((phrase) => ({ key: d.id, phrase }))));
    this.terms = new PhraseSet(industries.flatMap((d) => d.terms.map((phrase) => ({ key: d.id, phrase }))));
  }

  /** Every industry whose aliases the request uses, once each, longest alias first. */
  readAll(tokens: readonly Token[]): IndustryHit[] {
    return this.aliases.findAll(tokens).map((h) => ({ id: h.key, alias: h.phrase }));
  }

  read(tokens: readonly Token[]): IndustryHit | null {
    const hit = this.aliases.find(tokens);
    return hit ? { id: hit.key, alias: hit.phrase } : null;
  }

  /** Industries whose trade words the request uses (weaker than aliases: for the model to weigh). */
  readTerms(tokens: readonly Token[]): IndustryIdT[] {
    return this.terms.findAll(tokens).map((h) => h.key);
  }
}
