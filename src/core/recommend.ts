// The core's one entry point: request text in, answer model out. It composes three parts: the
// catalog's phrase evidence, the learned model, and the decision over both. Deterministic: the
// same request against the same catalog and model always gives the same answer.
import type { AnswerT, ClarificationT, RecommendationT } from './answer.js';
import type { Catalog } from './catalog.js';
import { dataOf, decideWithModel, industryOf } from './decision.js';
import { estimate } from './estimate.js';
import type { Evidence, UseCaseHit } from './matcher.js';
import { Classifier, type Classification } from './model/classifier.js';
import type { DataClassT } from './schema.js';
import { SCORING } from './options.js';
import { PhraseEvidence, type Reading } from './phrase-evidence.js';
import type { Decision, Ranked } from './phrase-decision.js';
import { Prepared, type Work } from './prepared.js';
import { Recipes, type RecipeStep } from './recipe.js';
import { Citations } from './citations.js';
import { defaultFreshness, describeStaleAfter, freshFrom, type Freshness } from './freshness.js';
import type { CategoryIdT, CategoryT, IndustryIdT, VolumeT } from './schema.js';
import { readVolumes } from './volume.js';

export interface RecommenderOptions {
  /** How old a fact may be before answers mark it stale; 6 months on the real clock by default. */
  readonly freshness?: Freshness;
}

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
  private readonly recipes: Recipes;
  private readonly citations: Citations;
  private readonly freshness: Freshness;
  /** The day the stale limit was last worked out for, and its result: it changes once a day. */
  private freshDay = { day: '', freshFrom: '' };
  private model: Classifier | null;

  constructor(
    readonly catalog: Catalog,
    model: Classifier | null | undefined = catalog.model ? new Classifier(catalog.model) : null,
    options: RecommenderOptions = {},
  ) {
    this.phrases = new PhraseEvidence(catalog);
    this.prepared = new Prepared(catalog);
    this.recipes = new Recipes(catalog, (name, categories) => this.prepared.tool(name.toLowerCase(), categories));
    this.citations = new Citations(catalog);
    this.freshness = options.freshness ?? defaultFreshness();
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

  /** The first day whose facts are not stale, today. */
  private freshFrom(): string {
    const now = this.freshness.now();
    const day = now.toISOString().slice(0, 10);
    if (day !== this.freshDay.day) this.freshDay = { day, freshFrom: freshFrom(now, this.freshness.staleAfter) };
    return this.freshDay.freshFrom;
  }

  ask(query: string, options: AskOptions = {}): AnswerT {
    const fresh = this.freshFrom();
    const reading = this.phrases.read(query);
    const model = this.model?.classify(reading.view) ?? null;
    const decision: Decision = model
      ? decideWithModel(reading, model, options.prefer)
      : options.prefer
        ? this.phrases.prefer(reading, options.prefer)
        : reading.phrases;
    const industry = this.industry(reading, model);
    const top = decision.ranked[0];
    // A combined answer's recipe comes first: the volume is counted in one of its media.
    const recipe = top?.category === 'multimodal' ? this.recipe(decision.parts, reading) : undefined;
    const volume = this.volumeFor(query, top?.category, recipe?.map((s) => s.category) ?? []);
    const kinds = decision.ranked.map((r) => r.category);
    const recommendations = decision.ranked.map((r, i) => this.recommendation(r, reading, volume, i === 0 ? recipe : undefined, kinds, fresh));
    const clarify: ClarificationT[] =
      recommendations.length && !options.prefer && (decision.tie || isUnsure(decision.confidence))
        ? decision.ranked.slice(0, 3).map((r) => ({ category: r.category, label: this.category(r.category).verdict, query }))
        : [];
    const data: DataClassT[] = model ? dataOf(model, reading.view.dataTerms) : [];
    const context = industry && recommendations[0] ? this.prepared.industryContext(industry.id, workOf(recommendations[0])) : null;
    const industryContext = context ? { ...context, cited: this.citations.industry(context, fresh) } : null;
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
      industryContext,
      catalog: this.prepared.catalogStamp,
      sources: this.citations.sourcesOf([...recommendations.flatMap((r) => r.cited), ...(industryContext?.cited ?? [])]),
      freshness: { staleAfter: describeStaleAfter(this.freshness.staleAfter), freshFrom: fresh },
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
   * request the medium its count names if the recipe makes it, else the recipe's first medium. */
  private volumeFor(query: string, top: CategoryIdT | undefined, parts: readonly CategoryIdT[]): VolumeT | null {
    const stated = readVolumes(query);
    if (!stated.length) return null;
    const own = top ? this.category(top).unit : null;
    const units = parts.map((p) => this.category(p).unit);
    const media = units.find((u) => u && u !== 'query') ?? null;
    const chosen = stated.find((s) => s.noun && s.noun === (own ?? media)) ?? stated[0]!;
    const made = chosen.noun && chosen.noun !== 'query' && units.includes(chosen.noun);
    const unit = own ?? (made ? chosen.noun : (media ?? chosen.noun));
    return unit ? { count: chosen.count, unit, period: chosen.period } : null;
  }

  private recommendation(
    r: Ranked,
    reading: Reading,
    volume: VolumeT | null,
    recipe: RecipeStep[] | undefined,
    ranked: readonly CategoryIdT[],
    fresh: string,
  ): RecommendationT {
    const rec = this.uncited(r, reading, volume, recipe, ranked);
    rec.cited = this.citations.recommendation(rec, this.useCaseHit(r.category, reading.evidence)?.useCase ?? null, fresh);
    return rec;
  }

  /** The use case an answer of this kind reads the request as: the strongest of the kind. */
  private useCaseHit(category: CategoryIdT, ev: Evidence): UseCaseHit | undefined {
    return ev.useCases.find((h) => {
      const u = this.catalog.useCases[h.useCase]!;
      return u.category === category || u.secondary === category;
    });
  }

  /** A recommendation before its citations (filled in by `recommendation`). */
  private uncited(
    r: Ranked,
    reading: Reading,
    volume: VolumeT | null,
    recipe: RecipeStep[] | undefined,
    ranked: readonly CategoryIdT[],
  ): RecommendationT {
    const c = this.category(r.category);
    const hit = this.useCaseHit(r.category, reading.evidence);
    const offer = this.prepared.offer(hit ? hit.useCase : null, r.category);
    const { useCase } = offer;
    const matched = hit ? hit.matched.slice() : [];
    const { category, score } = r;
    const changes = pickChanges(this.prepared.changes(hit ? hit.useCase : null, category), ranked);
    if (category === 'multimodal') {
      // The tools, price and time of a combined answer are its recipe's, so the card agrees with itself.
      const steps = recipe ?? this.recipe([], reading);
      const cost = this.recipes.cost(steps, volume);
      const facts = { ...this.prepared.categoryFacts(category), cost: cost.text, turnaround: this.recipes.turnaround(steps) };
      const tools = this.recipes.tools(steps, hit ? hit.useCase : null);
      const plans = this.prepared.plansOf(tools);
      return cost.estimate
        ? { category, label: c.name, verdict: c.verdict, score, tools, estimate: cost.estimate, plans, useCase, matched, facts, changes, recipe: steps, cited: [] }
        : { category, label: c.name, verdict: c.verdict, score, tools, plans, useCase, matched, facts, changes, recipe: steps, cited: [] };
    }
    const est = volume ? estimate(c, volume) : undefined;
    const facts = this.prepared.categoryFacts(category);
    const { tools } = offer;
    const plans = this.prepared.plansOf(tools);
    // Whole literals rather than spreads: an answer's fields keep one order, and V8 builds these fast.
    return est
      ? { category, label: c.name, verdict: c.verdict, score, tools, estimate: est, plans, useCase, matched, facts, changes, cited: [] }
      : { category, label: c.name, verdict: c.verdict, score, tools, plans, useCase, matched, facts, changes, cited: [] };
  }

  /** Which tool does which part of a combined request (see recipe.ts). */
  private recipe(decided: readonly CategoryIdT[], reading: Reading): RecipeStep[] {
    const kinds = this.recipes.kinds(decided, reading.evidence, this.phrases.held(reading));
    return this.recipes.steps(kinds, reading.evidence);
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

const MAX_CHANGES = 2;

/** The changes to show: those leading to a kind the answer also ranks first (the likeliest
 * turns), then the catalog's order; two at most, so they fit one line. */
function pickChanges(all: readonly RecommendationT['changes'][number][], ranked: readonly CategoryIdT[]): RecommendationT['changes'] {
  const likely = all.filter((c) => ranked.includes(c.category)).sort((a, b) => ranked.indexOf(a.category) - ranked.indexOf(b.category));
  const rest = all.filter((c) => !ranked.includes(c.category));
  return [...likely, ...rest].slice(0, MAX_CHANGES);
}

/** The work an answer recommends for, which an industry's examples must fit. */
const workOf = (r: RecommendationT): Work => ({
  category: r.category,
  useCase: r.useCase?.id ?? null,
  parts: r.recipe?.map((s) => s.category) ?? [],
});

/** Whether an answer this sure is unsure enough to offer its likeliest kinds (the digest counts these). */
export const isUnsure = (confidence: number): boolean => confidence < SCORING.decision.lowConfidence;
