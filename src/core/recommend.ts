// The core's one entry point: request text in, answer model out. Pure and deterministic: the
// same request against the same catalog always gives the same answer.
import type { AnswerT, ClarificationT, RecommendationT } from './answer.js';
import type { Catalog } from './catalog.js';
import { DECISION, decide, type Ranked } from './decide.js';
import { estimate } from './estimate.js';
import { buildIndex } from './index.js';
import { IndustryReader, type IndustryHit } from './industry.js';
import { Matcher, type Evidence } from './matcher.js';
import type { CategoryIdT, CategoryT, IndustryIdT, VolumeT } from './schema.js';
import { readVolume } from './volume.js';

const MAX_TOOLS = 3;

export interface AskOptions {
  /** A category the person picked from the clarifying choices. */
  readonly prefer?: CategoryIdT;
}

export class Recommender {
  private readonly matcher: Matcher;
  private readonly industries: IndustryReader;

  constructor(readonly catalog: Catalog) {
    this.matcher = new Matcher(catalog, buildIndex(catalog));
    this.industries = new IndustryReader(catalog);
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
      industryContext: industry && top ? this.industryContext(industry.id, this.category(top.category)) : null,
      catalog: { version: this.catalog.version, asOf: this.catalog.asOf },
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
    const useCase = hit ? this.catalog.useCases[hit.useCase]! : null;
    const names = [...(useCase?.tools ?? []), ...c.tools.map((t) => t.name)];
    const tools = [...new Set(names.map((n) => n.toLowerCase()))]
      .slice(0, MAX_TOOLS)
      .map((n) => this.tool(n, [r.category, useCase?.secondary]));
    const est = volume ? estimate(c, volume) : undefined;
    return {
      category: r.category,
      label: c.name,
      verdict: c.verdict,
      score: r.score,
      tools,
      ...(est ? { estimate: est } : {}),
      useCase: useCase ? { id: useCase.id, title: useCase.title } : null,
      matched: hit ? [...hit.matched] : [],
      facts: {
        technology: [...c.technology],
        cost: c.costNote.text,
        turnaround: c.turnaround.text,
        expertise: { level: c.expertise.level, text: c.expertise.text },
        strengths: c.strengths.map((s) => s.text),
        limitations: c.limitations.map((l) => l.text),
      },
      ...(r.category === 'multimodal' ? { recipe: this.recipe(parts, ev) } : {}),
    };
  }

  private tool(lowerName: string, categories: readonly (CategoryIdT | undefined)[]): { name: string; bestFor: string } {
    for (const id of categories) {
      const t = id && this.category(id).tools.find((x) => x.name.toLowerCase() === lowerName);
      if (t) return { name: t.name, bestFor: t.bestFor };
    }
    return { name: lowerName, bestFor: '' };
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

  private industryContext(id: IndustryIdT, top: CategoryT): AnswerT['industryContext'] {
    const d = this.catalog.industries.get(id)!;
    const uses = top.kind === 'language' ? d.languageUses : d.generativeUses;
    return {
      id,
      name: d.name,
      uses: uses.join('; '),
      fact: d.facts[0]!.text,
      caseStudy: d.caseStudy ? { title: d.caseStudy.title, text: d.caseStudy.text } : null,
    };
  }
}
