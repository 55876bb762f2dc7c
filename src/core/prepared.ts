// The parts of an answer that depend only on the catalog, never on the request: a category's
// facts, the tools offered for a use case, an industry's context. Each is built once, frozen,
// and shared by every answer that shows it, so an answer costs only what is its own.
import type { AnswerT, NamedToolT, RecommendationT } from './answer.js';
import type { Catalog } from './catalog.js';
import { CATEGORY_IDS, type CategoryIdT, type CategoryT, type IndustryIdT } from './schema.js';

const MAX_TOOLS = 3;

type Facts = RecommendationT['facts'];
type Tool = RecommendationT['tools'][number];
type IndustryContext = NonNullable<AnswerT['industryContext']>;

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
  private readonly contexts = new Map<string, IndustryContext>();
  /** By use case and category, filled as answers need them: at most two per use case. */
  private readonly offers = new Map<number, Offer>();
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
    for (const d of catalog.industries.values()) {
      for (const language of [true, false]) {
        this.contexts.set(
          `${d.id}|${language}`,
          deepFreeze({
            id: d.id,
            name: d.name,
            uses: (language ? d.languageUses : d.generativeUses).join('; '),
            fact: d.facts[0]!.text,
            caseStudy: d.caseStudy ? { title: d.caseStudy.title, text: d.caseStudy.text } : null,
          }),
        );
      }
    }
    this.catalogStamp = deepFreeze({ version: catalog.version, asOf: catalog.asOf });
  }

  categoryFacts(id: CategoryIdT): Facts {
    return this.facts.get(id)!;
  }

  industryContext(id: IndustryIdT, top: CategoryT): IndustryContext {
    return this.contexts.get(`${id}|${top.kind === 'language'}`)!;
  }

  /**
   * A tool the request names, with its kind and what it is best for, so an answer says how it
   * compares even without a policy; `policy` is null until a policy layer fills it.
   */
  namedTool(name: string, category: CategoryIdT): NamedToolT {
    const c = this.catalog.categories.get(category)!;
    const bestFor = c.tools.find((t) => t.name === name)?.bestFor ?? '';
    return { name, category, label: c.name, bestFor, policy: null };
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

  private tool(lowerName: string, categories: readonly (CategoryIdT | undefined)[]): Tool {
    for (const id of categories) {
      const t = id && this.catalog.categories.get(id)!.tools.find((x) => x.name.toLowerCase() === lowerName);
      if (t) return { name: t.name, bestFor: t.bestFor };
    }
    return { name: lowerName, bestFor: '' };
  }
}
