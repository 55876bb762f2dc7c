// Which catalog entries stand behind each part of an answer, with their sources and dates, so a
// card can say where a fact comes from and how old it is, and mark it when it is stale. Worked
// out from the finished recommendation, so what is cited is exactly what is shown.
import type { AnswerT, CitationT, CitedPartT, RecommendationT } from './answer.js';
import type { Catalog } from './catalog.js';
import { isStale } from './freshness.js';
import type { CategoryIdT, CategoryT, ChangeT, IndustryT, SourceT, ToolT } from './schema.js';

interface Dated {
  readonly source: string;
  readonly asOf: string;
}

type Context = Omit<NonNullable<AnswerT['industryContext']>, 'cited'>;

type AnswerSource = AnswerT['sources'][number];

export class Citations {
  /** As answers name them: built once and shared. The note stays in the catalog (it can run to a
   * paragraph); the kind says what sort of source it is, e.g. an editors' estimate. */
  private readonly sources: ReadonlyMap<string, AnswerSource>;

  constructor(private readonly catalog: Catalog) {
    this.sources = new Map(catalog.sources.map((s: SourceT) => [s.id, Object.freeze({ id: s.id, title: s.title, kind: s.kind, asOf: s.asOf })]));
  }

  /** The entries behind a recommendation's tools, cost, plans, time, expertise, limitation and
   * changes, each once per part, marked stale when dated before `freshFrom`. */
  recommendation(rec: RecommendationT, useCase: number | null, freshFrom: string): CitationT[] {
    const out: CitationT[] = [];
    const add = (part: CitedPartT, d: Dated | undefined): void => {
      if (!d || out.some((c) => c.part === part && c.source === d.source && c.asOf === d.asOf)) return;
      out.push({ part, source: d.source, asOf: d.asOf, stale: isStale(d.asOf, freshFrom) });
    };
    const c = this.category(rec.category);
    const steps = rec.recipe?.map((s) => this.category(s.category)) ?? [];
    const u = useCase === null ? null : this.catalog.useCases[useCase]!;
    const homes = [c, ...steps, ...(u?.secondary ? [this.category(u.secondary)] : [])];
    // The use case ranks the tools, so its date is the ranking's.
    if (u) add('tools', u);
    for (const t of rec.tools) add('tools', this.tool(t.name, homes));
    if (steps.length) {
      // A combined answer's cost and time lines are its parts' (see recipe.ts).
      for (const s of steps) add('cost', s.costs.find((r) => r.unit === s.unit) ?? s.costs[0]);
      for (const s of steps) add('turnaround', s.turnaround);
    } else {
      if (rec.estimate) add('cost', c.costs.find((r) => r.unit === rec.estimate!.unit));
      add('cost', c.costNote);
      add('turnaround', c.turnaround);
    }
    for (const p of rec.plans) add('plans', this.tool(p.tool, homes)?.plans);
    add('expertise', c.expertise);
    add('limitation', c.limitations[0]);
    for (const ch of rec.changes) add('changes', this.change(ch, u?.changes, c.changes));
    return out;
  }

  /** The entries behind an industry context's fact and case study. */
  industry(ctx: Context, freshFrom: string): CitationT[] {
    const d: IndustryT = this.catalog.industries.get(ctx.id)!;
    const out: CitationT[] = [];
    const fact = ctx.fact === null ? undefined : d.facts.find((f) => f.text === ctx.fact);
    if (fact) out.push({ part: 'industry fact', source: fact.source, asOf: fact.asOf, stale: isStale(fact.asOf, freshFrom) });
    if (ctx.caseStudy && d.caseStudy) out.push({ part: 'case study', source: d.caseStudy.source, asOf: d.caseStudy.asOf, stale: isStale(d.caseStudy.asOf, freshFrom) });
    return out;
  }

  /** The catalog's sources that the citations name, in the order first cited. */
  sourcesOf(cited: readonly CitationT[]): AnswerT['sources'] {
    const ids: string[] = [];
    for (const c of cited) if (!ids.includes(c.source)) ids.push(c.source);
    return ids.map((id) => this.sources.get(id)!);
  }

  private category(id: CategoryIdT): CategoryT {
    return this.catalog.categories.get(id)!;
  }

  /** A tool's entry in the first of its possible homes that lists it, else anywhere. */
  private tool(name: string, homes: readonly CategoryT[]): ToolT | undefined {
    const lower = name.toLowerCase();
    const inside = (c: CategoryT): ToolT | undefined => c.tools.find((x) => x.name.toLowerCase() === lower);
    for (const c of homes) {
      const t = inside(c);
      if (t) return t;
    }
    for (const c of this.catalog.categories.values()) {
      const t = inside(c);
      if (t) return t;
    }
    return undefined;
  }

  private change(ch: RecommendationT['changes'][number], ...lists: (readonly ChangeT[] | undefined)[]): ChangeT | undefined {
    for (const list of lists) {
      const hit = list?.find((x) => x.when === ch.when && x.then === ch.category);
      if (hit) return hit;
    }
    return undefined;
  }
}
