// The parts of an answer that depend only on the catalog, never on the request: a category's
// facts, the tools offered for a use case, an industry's context. Each is built once, frozen,
// and shared by every answer that shows it, so an answer costs only what is its own.
import type { AnswerT, NamedToolT, RecommendationT } from './answer.js';
import type { Catalog } from './catalog.js';
import { CATEGORY_IDS, type CategoryIdT, type IndustryIdT, type IndustryT } from './schema.js';

const MAX_TOOLS = 3;

type Facts = RecommendationT['facts'];
type Change = RecommendationT['changes'][number];
type Plan = RecommendationT['plans'][number];
type Tool = RecommendationT['tools'][number];
/** An industry context before the answer dates its facts (see citations.ts). */
export type IndustryContext = Omit<NonNullable<AnswerT['industryContext']>, 'cited'>;

/** What an industry fact or case study must fit: the answer's kind, use case and parts. */
export interface Work {
  readonly category: CategoryIdT;
  readonly useCase: string | null;
  /** A combined answer's parts (its recipe's kinds). */
  readonly parts: readonly CategoryIdT[];
}

type Fitting = { readonly categories?: readonly CategoryIdT[]; readonly useCases?: readonly string[] };

/** 2 when the item names the answer's use case, 1 when it names its kind or one of its parts, else 0. */
function fit(item: Fitting, work: Work): number {
  if (work.useCase && item.useCases?.includes(work.useCase)) return 2;
  const kinds = item.categories ?? [];
  return kinds.includes(work.category) || work.parts.some((p) => kinds.includes(p)) ? 1 : 0;
}

/** The best-fitting item, the first of equals; none when nothing fits (an unrelated example misleads). */
function bestFit<T extends Fitting>(items: readonly T[], work: Work): T | null {
  let best: T | null = null;
  let score = 0;
  for (const item of items) {
    const f = fit(item, work);
    if (f > score) [best, score] = [item, f];
  }
  return best;
}

export interface Offer {
  readonly tools: Tool[];
  readonly useCase: RecommendationT['useCase'];
}

/** Freezes a value built for sharing; its type stays the answer model's own. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export class Prepared {
  private readonly facts = new Map<CategoryIdT, Facts>();
  /** By industry and work; a few dozen combinations at most in practice. */
  private readonly contexts = new Map<string, IndustryContext | null>();
  /** By use case and category, filled as answers need them: at most two per use case. */
  private readonly offers = new Map<number, Offer>();
  /** By use case and category, as offers: what would change the verdict, in the catalog's order. */
  private readonly changeLists = new Map<number, readonly Change[]>();
  /** By tool name in lower case: a subscription tool's plans. */
  private readonly plans = new Map<string, Plan>();
  readonly catalogStamp: AnswerT['catalog'];

  constructor(private readonly catalog: Catalog) {
    for (const c of catalog.categories.values()) {
      this.facts.set(
        c.id,
        deepFreeze({
          technology: [...c.technology],
          cost: c.costNote.text,
          turnaround: c.turnaround.text,
          expertise: { level: c.expertise.level, text: c.expertise.text },
          strengths: c.strengths.map((s) => s.text),
          limitations: c.limitations.map((l) => l.text),
        }),
      );
    }
    for (const c of catalog.categories.values()) {
      for (const t of c.tools) {
        const key = t.name.toLowerCase();
        if (t.plans && !this.plans.has(key)) this.plans.set(key, deepFreeze({ tool: t.name, low: t.plans.low, high: t.plans.high, currency: t.plans.currency, per: t.plans.per }));
      }
    }
    this.catalogStamp = deepFreeze({ version: catalog.version, asOf: catalog.asOf });
  }

  categoryFacts(id: CategoryIdT): Facts {
    return this.facts.get(id)!;
  }

  /** The industry's fact and case study that fit the work asked for; null when neither does. */
  industryContext(id: IndustryIdT, work: Work): IndustryContext | null {
    const key = `${id}|${work.category}|${work.useCase ?? ''}|${work.parts.join(',')}`;
    let context = this.contexts.get(key);
    if (context === undefined) {
      context = this.buildContext(this.catalog.industries.get(id)!, work);
      this.contexts.set(key, context);
    }
    return context;
  }

  private buildContext(d: IndustryT, work: Work): IndustryContext | null {
    const fact = bestFit(d.facts, work);
    const study = d.caseStudy && bestFit([d.caseStudy], work);
    if (!fact && !study) return null;
    const language = this.catalog.categories.get(work.category)!.kind === 'language';
    return deepFreeze({
      id: d.id,
      name: d.name,
      uses: (language ? d.languageUses : d.generativeUses).join('; '),
      fact: fact ? fact.text : null,
      caseStudy: study ? { title: study.title, text: study.text } : null,
    });
  }

  /**
   * A tool the request names, with its kind and what it is best for, so an answer says how it
   * compares even without a policy; `policy` is null until a policy layer fills it.
   */
  namedTool(name: string, category: CategoryIdT): NamedToolT {
    const c = this.catalog.categories.get(category)!;
    const tool = c.tools.find((t) => t.name === name);
    const plan = tool?.plans ? { low: tool.plans.low, high: tool.plans.high, currency: tool.plans.currency, per: tool.plans.per } : undefined;
    return {
      name,
      category,
      label: c.name,
      bestFor: tool?.bestFor ?? '',
      ...(plan ? { plan } : {}),
      cost: c.costNote.text,
      limit: c.limitations[0]!.text,
      policy: null,
    };
  }

  /** The tools recommended for a category, the use case's own first; and the use case shown. */
  offer(useCase: number | null, category: CategoryIdT): Offer {
    const key = (useCase ?? -1) * CATEGORY_IDS.length + CATEGORY_IDS.indexOf(category);
    let offer = this.offers.get(key);
    if (!offer) {
      const u = useCase === null ? null : this.catalog.useCases[useCase]!;
      const names = [...(u?.tools ?? []), ...this.catalog.categories.get(category)!.tools.map((t) => t.name)];
      const tools = [...new Set(names.map((n) => n.toLowerCase()))]
        .slice(0, MAX_TOOLS)
        .map((n) => this.tool(n, [category, u?.secondary]));
      offer = deepFreeze({ tools, useCase: u ? { id: u.id, title: u.title } : null });
      this.offers.set(key, offer);
    }
    return offer;
  }

  /** The plans of the tools shown that are sold by subscription, in the tools' order. */
  plansOf(tools: readonly Tool[]): Plan[] {
    const out: Plan[] = [];
    for (const t of tools) {
      const plan = this.plans.get(t.name.toLowerCase());
      if (plan) out.push(plan);
    }
    return out;
  }

  /** What would make another kind the better choice: the use case's own first, then the
   * category's; one per other kind. */
  changes(useCase: number | null, category: CategoryIdT): readonly Change[] {
    const key = (useCase ?? -1) * CATEGORY_IDS.length + CATEGORY_IDS.indexOf(category);
    let list = this.changeLists.get(key);
    if (!list) {
      const own = useCase === null ? [] : (this.catalog.useCases[useCase]!.changes ?? []);
      const all = [...own, ...this.catalog.categories.get(category)!.changes];
      const out: Change[] = [];
      for (const c of all) {
        if (c.then === category || out.some((o) => o.category === c.then)) continue;
        out.push({ when: c.when, category: c.then, label: this.catalog.categories.get(c.then)!.name });
      }
      list = deepFreeze(out);
      this.changeLists.set(key, list);
    }
    return list;
  }

  /** A tool as answers show it, from the first of the categories that has it; `lowerName` in lower case. */
  tool(lowerName: string, categories: readonly (CategoryIdT | undefined)[]): Tool {
    for (const id of categories) {
      const t = id && this.catalog.categories.get(id)!.tools.find((x) => x.name.toLowerCase() === lowerName);
      if (t) return { name: t.name, bestFor: t.bestFor };
    }
    return { name: lowerName, bestFor: '' };
  }
}
