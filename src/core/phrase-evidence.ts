// The catalog's reading of a request: the phrase matcher's evidence, the catalog-only decision
// and the industries named in everyday words. The learned model takes this in as features; with
// no model loaded, it is the whole answer.
import type { Catalog } from './catalog.js';
import { buildIndex } from './index.js';
import { IndustryReader, type IndustryHit } from './industry.js';
import { Matcher, type Evidence } from './matcher.js';
import type { MatcherView } from './model/features.js';
import { NamedTools, type NamedTool } from './named-tools.js';
import { decide, type Decision } from './phrase-decision.js';
import type { CategoryIdT } from './schema.js';
import { PhraseSet } from './phrase-set.js';
import { stripMarkup } from './text.js';

/** The key of words that say the data is not real ("synthetic", "anonymised"). */
export const NOT_REAL = 'not-real';

export interface Reading {
  readonly evidence: Evidence;
  /** The catalog-only decision, without any category the person picked. */
  readonly phrases: Decision;
  readonly industries: readonly IndustryHit[];
  /** The AI products the request names. */
  readonly named: readonly NamedTool[];
  readonly view: MatcherView;
}

export class PhraseEvidence {
  private readonly matcher: Matcher;
  private readonly industries: IndustryReader;
  private readonly tools: NamedTools;
  private readonly dataTerms: PhraseSet<string>;
  private readonly kindTerms: PhraseSet<string>;

  constructor(catalog: Catalog) {
    this.matcher = new Matcher(catalog, buildIndex(catalog));
    this.industries = new IndustryReader(catalog);
    this.tools = new NamedTools(catalog);
    const { dataTerms, notRealData, categoryTerms } = catalog.lexicon;
    this.kindTerms = new PhraseSet(Object.entries(categoryTerms).flatMap(([key, phrases]) => phrases.map((phrase) => ({ key, phrase }))));
    this.dataTerms = new PhraseSet([
      ...Object.entries(dataTerms).flatMap(([key, phrases]) => phrases.map((phrase) => ({ key, phrase }))),
      ...notRealData.map((phrase) => ({ key: NOT_REAL, phrase })),
    ]);
  }

  read(text: string): Reading {
    const evidence = this.matcher.match(text);
    const phrases = decide(evidence.byCategory, evidence.offTopic, evidence.separate);
    const industries = this.industries.readAll(evidence.tokens);
    const named = this.tools.find(stripMarkup(text));
    const view: MatcherView = {
      tokens: evidence.tokens,
      weights: evidence.weights,
      byCategory: evidence.byCategory,
      offTopic: evidence.offTopic,
      phraseTop: phrases.ranked[0]?.category ?? 'none',
      industries: industries.map((i) => i.id),
      industryTerms: this.industries.readTerms(evidence.tokens),
      tools: named.map((t) => t.category),
      dataTerms: this.dataTerms.findAll(evidence.tokens).map((h) => h.key),
      kindTerms: this.kindTerms.findAll(evidence.tokens).map((h) => h.key),
    };
    return { evidence, phrases, industries, named, view };
  }

  /** The kinds the request rules out or already has (see Matcher.heldBack). */
  held(reading: Reading): CategoryIdT[] {
    return this.matcher.heldBack(reading.evidence);
  }

  /** The catalog-only decision again, for a category the person picked. */
  prefer(reading: Reading, prefer: CategoryIdT): Decision {
    const { evidence } = reading;
    return decide(evidence.byCategory, evidence.offTopic, evidence.separate, prefer);
  }
}
