// The core's one entry point: request text in, answer model out. It composes three parts: the
// catalog's phrase evidence, the learned model, and the decision over both. Deterministic: the
// same request against the same catalog and model always gives the same answer.
import type { AnswerT, ClarificationT, RecommendationT } from './answer.js';
import type { Catalog } from './catalog.js';
import { dataOf, decideWithModel, industryOf } from './decision.js';
import { estimate } from './estimate.js';
import type { Evidence } from './matcher.js';
import { Classifier, type Classification } from './model/classifier.js';
import type { DataClassT } from './schema.js';
import { SCORING } from './options.js';
import { PhraseEvidence, type Reading } from './phrase-evidence.js';
import type { Decision, Ranked } from './phrase-decision.js';
import { Prepared } from './prepared.js';
import type { CategoryIdT, CategoryT, IndustryIdT, VolumeT } from './schema.js';
import { readVolumes } from './volume.js';

export interface AskOptions {
  /** A category the person picked from the clarifying choices. */
  readonly prefer?: CategoryIdT;
}

interface IndustryPick {
  readonly id: IndustryIdT;
  /** The words the request placed itself with. */
  readonly matched: string;
}

export class Recommender {
  private readonly phrases: PhraseEvidence;
  private readonly prepared: Prepared;
  private model: Classifier | null;

  constructor(
    readonly catalog: Catalog,
    model: Classifier | null | undefined = catalog.model ? new Classifier(catalog.model) : null,
  ) {
    this.phrases = new PhraseEvidence(catalog);
    this.prepared = new Prepared(catalog);
    this.model = model ?? null;
  }

  /** Answers with another model from now on (a deployment's retrained one); null: phrases only. */
  useModel(model: Classifier | null): void {
    this.model = model;
  }

  get modelVersion(): string | null {
    return this.model?.version ?? null;
  }

  /** The catalog's reading of a request, as the model and its training take it in. */
  read(query: string): Reading {
    return this.phrases.read(query);
  }

  ask(query: string, options: AskOptions = {}): AnswerT {
    const reading = this.phrases.read(query);
    const model = this.model?.classify(reading.view) ?? null;
    const decision: Decision = model
      ? decideWithModel(reading, model, options.prefer)
      : options.prefer
        ? this.phrases.prefer(reading, options.prefer)
        : reading.phrases;
    const industry = this.industry(reading, model);
    const top = decision.ranked[0];
    const volume = this.volumeFor(query, top?.category, decision.parts);
    const recommendations = decision.ranked.map((r, i) =>
      this.recommendation(r, reading.evidence, volume, i === 0 ? decision.parts : []),
    );
    const clarify: ClarificationT[] =
      recommendations.length && !options.prefer && (decision.tie || isUnsure(decision.confidence))
        ? decision.ranked.slice(0, 3).map((r) => ({ category: r.category, label: this.category(r.category).verdict, query }))
        : [];
    const data: DataClassT[] = model ? dataOf(model, reading.view.dataTerms) : [];
    return {
      query,
      industry: industry?.id ?? null,
      volume,
      recommendations,
      named: reading.named.map((t) => this.prepared.namedTool(t.name, t.category)),
      data,
      confidence: decision.confidence,
      explanation: {
        summary: this.summary(recommendations[0], industry, reading, model),
        industry: industry ? { id: industry.id, name: this.industryName(industry.id), matched: industry.matched } : null,
      },
      clarify,
      industryContext: industry && top ? this.prepared.industryContext(industry.id, this.category(top.category)) : null,
      catalog: this.prepared.catalogStamp,
      model: this.model?.version ?? null,
    };
  }

  private category(id: CategoryIdT): CategoryT {
    return this.catalog.categories.get(id)!;
  }

  private industryName(id: IndustryIdT): string {
    return this.catalog.industries.get(id)!.name;
  }

  private industry(reading: Reading, model: Classification | null): IndustryPick | null {
    if (!model) {
      const hit = reading.industries[0];
      return hit ? { id: hit.id, matched: hit.alias } : null;
    }
    const placed = industryOf(model, reading.industries.map((h) => h.id));
    if (!placed) return null;
    const alias = reading.industries.find((h) => h.id === placed.id)?.alias;
    const words = alias ? [] : this.model!.why('industry', placed.id, reading.view, 2);
    return { id: placed.id, matched: alias ?? (words.length ? words.join(' ') : this.industryName(placed.id)) };
  }

  /** The volume in the unit of the medium produced: the top category's, or for a combined
   * request the medium its count names, else its first media part's. */
  private volumeFor(query: string, top: CategoryIdT | undefined, parts: readonly CategoryIdT[]): VolumeT | null {
    const stated = readVolumes(query);
    if (!stated.length) return null;
    const own = top ? this.category(top).unit : null;
    const media = parts.map((p) => this.category(p).unit).find((u) => u && u !== 'query') ?? null;
    const chosen = stated.find((s) => s.noun && s.noun === (own ?? media)) ?? stated[0]!;
    const unit = own ?? (chosen.noun && chosen.noun !== 'query' ? chosen.noun : (media ?? chosen.noun));
    return unit ? { count: chosen.count, unit, period: chosen.period } : null;
  }

  private recommendation(r: Ranked, ev: Evidence, volume: VolumeT | null, parts: readonly CategoryIdT[]): RecommendationT {
    const c = this.category(r.category);
    const hit = ev.useCases.find((h) => {
      const u = this.catalog.useCases[h.useCase]!;
      return u.category === r.category || u.secondary === r.category;
    });
    const { tools, useCase } = this.prepared.offer(hit ? hit.useCase : null, r.category);
    const est = volume ? estimate(c, volume) : undefined;
    const matched = hit ? hit.matched.slice() : [];
    const facts = this.prepared.categoryFacts(r.category);
    // Whole literals rather than spreads: an answer's fields keep one order, and V8 builds these fast.
    const { category, score } = r;
    const recommendation: RecommendationT = est
      ? { category, label: c.name, verdict: c.verdict, score, tools, estimate: est, useCase, matched, facts }
      : { category, label: c.name, verdict: c.verdict, score, tools, useCase, matched, facts };
    if (category === 'multimodal') recommendation.recipe = this.recipe(parts, ev);
    return recommendation;
  }

  private recipe(parts: readonly CategoryIdT[], ev: Evidence): NonNullable<RecommendationT['recipe']> {
    const steps = parts.length ? [...parts] : (['llm', 'image'] as CategoryIdT[]);
    // Language first: it plans and writes what the media tools then produce.
    steps.sort((a, b) => Number(b === 'llm') - Number(a === 'llm'));
    return steps.map((category) => {
      const hit = ev.useCases.find((h) => this.catalog.useCases[h.useCase]!.category === category);
      const tool = hit ? this.catalog.useCases[hit.useCase]!.tools[0]! : this.category(category).tools[0]!.name;
      return { step: this.category(category).role, category, tool };
    });
  }

  private summary(top: RecommendationT | undefined, industry: IndustryPick | null, reading: Reading, model: Classification | null): string {
    if (!top) return 'Nothing in the request names something an AI tool would make or do.';
    const words = top.matched.length ? top.matched : model ? this.model!.why('category', top.category, reading.view) : [];
    const from = words.length ? ` (from “${words.slice(0, 3).join('”, “')}”)` : '';
    const why = top.useCase ? `Reads as “${top.useCase.title}”${from}.` : `Reads as a request for ${top.label.toLowerCase()}${from}.`;
    const where = industry ? ` Industry: ${this.industryName(industry.id)} (from “${industry.matched}”).` : '';
    return why + where;
  }
}

/** Whether an answer this sure is unsure enough to offer its likeliest kinds (the digest counts these). */
export const isUnsure = (confidence: number): boolean => confidence < SCORING.decision.lowConfidence;
