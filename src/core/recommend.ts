// The core's one entry point: request text in, answer model out. Pure and deterministic: the
// same request against the same catalog always gives the same answer.
import type { AnswerT, ClarificationT, RecommendationT } from './answer.js';
import type { Catalog } from './catalog.js';
import { DECISION, decide, type Ranked } from './decide.js';
import { estimate } from './estimate.js';
import { buildIndex } from './index.js';
import { IndustryReader, type IndustryHit } from './industry.js';
import { Matcher, type Evidence } from './matcher.js';
import { Prepared } from './prepared.js';
import type { CategoryIdT, CategoryT, IndustryIdT, VolumeT } from './schema.js';
import { readVolume } from './volume.js';

export interface AskOptions {
  /** A category the person picked from the clarifying choices. */
  readonly prefer?: CategoryIdT;
}

export class Recommender {
  private readonly matcher: Matcher;
  private readonly industries: IndustryReader;
  private readonly prepared: Prepared;

  constructor(readonly catalog: Catalog) {
    this.matcher = new Matcher(catalog, buildIndex(catalog));
    this.industries = new IndustryReader(catalog);
    this.prepared = new Prepared(catalog);
  }

  ask(query: string, options: AskOptions = {}): AnswerT {
    const evidence = this.matcher.match(query);
    const decision = decide(evidence.byCategory, evidence.offTopic, evidence.separate, options.prefer);
    const industry = this.industries.read(evidence.tokens);
    const top = decision.ranked[0];
    const volume = this.volumeFor(query, top?.category);
    const recommendations = decision.ranked.map((r, i) =>
      this.recommendation(r, evidence, volume, i === 0 ? decision.parts : []),
    );
    const clarify: ClarificationT[] =
      recommendations.length && !options.prefer && (decision.tie || decision.confidence < DECISION.lowConfidence)
        ? decision.ranked.slice(0, 3).map((r) => ({ category: r.category, label: this.category(r.category).verdict, query }))
        : [];
    return {
      query,
      industry: industry?.id ?? null,
      volume,
      recommendations,
      confidence: decision.confidence,
      explanation: {
        summary: this.summary(recommendations[0], industry),
        industry: industry ? { id: industry.id, name: this.industryName(industry.id), matched: industry.alias } : null,
      },
      clarify,
      industryContext: industry && top ? this.prepared.industryContext(industry.id, this.category(top.category)) : null,
      catalog: this.prepared.catalogStamp,
    };
  }

  private category(id: CategoryIdT): CategoryT {
    return this.catalog.categories.get(id)!;
  }

  private industryName(id: IndustryIdT): string {
    return this.catalog.industries.get(id)!.name;
  }

  private volumeFor(query: string, top: CategoryIdT | undefined): VolumeT | null {
    const stated = readVolume(query);
    if (!stated) return null;
    const unit = (top && this.category(top).unit) ?? stated.noun;
    return unit ? { count: stated.count, unit, period: stated.period } : null;
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

  private summary(top: RecommendationT | undefined, industry: IndustryHit | null): string {
    if (!top) return 'Nothing in the request names something an AI tool would make or do.';
    const why = top.useCase
      ? `Reads as “${top.useCase.title}”${top.matched.length ? ` (from “${top.matched.slice(0, 3).join('”, “')}”)` : ''}.`
      : `Reads as a request for ${top.label.toLowerCase()}.`;
    const where = industry ? ` Industry: ${this.industryName(industry.id)} (from “${industry.alias}”).` : '';
    return why + where;
  }
}
