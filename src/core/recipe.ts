// A combined answer's recipe (which kind of tool does which part), and the tools, cost and
// turnaround lines that go with it. Built so that the three agree with each other and with the
// request: every medium the request asks for has a step, a part it rules out or already has
// ("the script is ready") has none, and the tools and prices shown are the steps' own.
import type { RecommendationT } from './answer.js';
import type { Catalog } from './catalog.js';
import { estimate } from './estimate.js';
import { contentStems } from './index.js';
import type { Evidence } from './matcher.js';
import { formatUnitRange } from './money.js';
import { SCORING } from './options.js';
import { PART_IDS, type CategoryIdT, type EstimateT, type PartIdT, type VolumeT } from './schema.js';

export type RecipeStep = NonNullable<RecommendationT['recipe']>[number];
type Tool = RecommendationT['tools'][number];

/** Evidence of this much names a part outright: one clear phrase, seen as output. */
const ASKED = SCORING.phraseDecision.strongPart;
const MAX_STEPS = 4;
/** When a request names no parts at all: the words, and pictures for them. */
const DEFAULT_PARTS: readonly PartIdT[] = ['llm', 'image'];

const isPart = (c: string): c is PartIdT => (PART_IDS as readonly string[]).includes(c);

/** Whether `inner` appears in `outer` as consecutive words. */
function contains(outer: readonly string[], inner: readonly string[]): boolean {
  for (let i = 0; i + inner.length <= outer.length; i++) if (inner.every((w, k) => outer[i + k] === w)) return true;
  return false;
}

export interface RecipeCost {
  readonly text: string;
  readonly estimate?: EstimateT;
}

export class Recipes {
  /** Media phrases by their first word, for finding them inside a combined phrase. */
  private readonly mediaByFirst = new Map<string, { kind: PartIdT; stems: readonly string[] }[]>();
  /** By combined use case, filled as answers need them: the kinds each of its phrases names in
   * its own words ("finished explainer": video). */
  private readonly named = new Map<number, ReadonlyMap<string, readonly PartIdT[]>>();
  private readonly inHand: ReadonlySet<string>;

  constructor(
    private readonly catalog: Catalog,
    /** The catalog's entry for a tool of one of the categories, as an answer shows it. */
    private readonly toolOf: (name: string, categories: readonly CategoryIdT[]) => Tool,
  ) {
    this.inHand = new Set(catalog.lexicon.inHand.map((w) => w.toLowerCase()));
    for (const u of catalog.useCases) {
      if (!isPart(u.category)) continue;
      for (const p of u.phrases) {
        const stems = contentStems(p);
        if (!stems.length) continue;
        const list = this.mediaByFirst.get(stems[0]!) ?? [];
        list.push({ kind: u.category, stems });
        this.mediaByFirst.set(stems[0]!, list);
      }
    }
  }

  /** The kinds a combined use case's phrase names in its own words. */
  private namedBy(useCase: number, phrase: string): readonly PartIdT[] {
    let byPhrase = this.named.get(useCase);
    if (!byPhrase) {
      const map = new Map<string, PartIdT[]>();
      for (const p of this.catalog.useCases[useCase]!.phrases) {
        const stems = contentStems(p);
        const kinds: PartIdT[] = [];
        stems.forEach((w, i) => {
          for (const m of this.mediaByFirst.get(w) ?? []) if (!kinds.includes(m.kind) && contains(stems.slice(i, i + m.stems.length), m.stems)) kinds.push(m.kind);
        });
        map.set(p, kinds);
      }
      byPhrase = map;
      this.named.set(useCase, byPhrase);
    }
    return byPhrase.get(phrase) ?? [];
  }

  /**
   * The kinds that do the parts, language first: the matched combined use case's own parts and
   * the media its phrase names, then every kind the request names outright; a kind it rules out
   * or has in hand only if it also asks for it. Short of two parts, the decision's likeliest
   * kinds fill in, and with nothing held back, a language model to write and images to show.
   */
  kinds(decided: readonly CategoryIdT[], ev: Evidence, held: readonly CategoryIdT[]): PartIdT[] {
    const asked = this.asked(ev);
    const wanted: PartIdT[] = [];
    const add = (c: CategoryIdT): void => {
      if (isPart(c) && !wanted.includes(c) && (asked.includes(c) || !held.includes(c))) wanted.push(c);
    };
    const combined = ev.useCases.find((h) => this.catalog.useCases[h.useCase]!.category === 'multimodal');
    if (combined) {
      for (const c of this.catalog.useCases[combined.useCase]!.parts ?? []) add(c);
      for (const phrase of combined.matched) for (const c of this.namedBy(combined.useCase, phrase)) add(c);
    }
    for (const c of asked) add(c);
    for (const c of decided) if (wanted.length < 2) add(c);
    if (!held.length) for (const c of DEFAULT_PARTS) if (wanted.length < 2) add(c);
    // Language first: it plans and writes what the media tools then produce.
    return wanted.sort((a, b) => Number(b === 'llm') - Number(a === 'llm')).slice(0, MAX_STEPS);
  }

  /** The kinds a request names outright, strongest first: one clear phrase of the kind, seen as
   * output. A phrase that is only an "in hand" word ("the script is *written*") asks for nothing. */
  private asked(ev: Evidence): CategoryIdT[] {
    const best = new Map<CategoryIdT, number>();
    for (const h of ev.useCases) {
      const c = this.catalog.useCases[h.useCase]!.category;
      if (h.evidence < ASKED || h.matched.every((p) => this.inHand.has(p.toLowerCase()))) continue;
      best.set(c, Math.max(best.get(c) ?? 0, h.evidence));
    }
    return [...best].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  }

  /** One step per kind, each with the tool of the request's strongest use case of that kind. */
  steps(kinds: readonly PartIdT[], ev: Evidence): RecipeStep[] {
    return kinds.map((category) => {
      const hit = ev.useCases.find((h) => this.catalog.useCases[h.useCase]!.category === category);
      const tool = hit ? this.catalog.useCases[hit.useCase]!.tools[0]! : this.catalog.categories.get(category)!.tools[0]!.name;
      return { step: this.catalog.categories.get(category)!.role, category, tool };
    });
  }

  /** The steps' tools, then one combined tool that covers every step by itself, if one does. */
  tools(steps: readonly RecipeStep[], useCase: number | null): Tool[] {
    const tools: Tool[] = [];
    // A policy may leave a step without a tool (null); the steps here are the catalog's own.
    for (const s of steps) if (s.tool !== null && !tools.some((t) => t.name === s.tool)) tools.push(this.toolOf(s.tool, [s.category]));
    const combined = this.catalog.categories.get('multimodal')!.tools;
    const names = [...(useCase === null ? [] : this.catalog.useCases[useCase]!.tools), ...combined.map((t) => t.name)];
    const suite = names
      .map((n) => combined.find((t) => t.name === n))
      .find((t) => t?.covers && steps.every((s) => (t.covers as readonly string[]).includes(s.category)));
    if (suite) tools.push(this.toolOf(suite.name, ['multimodal']));
    return tools;
  }

  /** The parts' prices added up, and the estimate for the medium the volume counts. */
  cost(steps: readonly RecipeStep[], volume: VolumeT | null): RecipeCost {
    const parts = steps.map((s) => {
      const c = this.catalog.categories.get(s.category)!;
      const range = c.costs.find((r) => r.unit === c.unit) ?? c.costs[0];
      return `${c.name} ${range ? formatUnitRange(range.low, range.high, range.unit) : 'priced per tool'}`;
    });
    const counted = volume && steps.map((s) => this.catalog.categories.get(s.category)!).find((c) => c.unit === volume.unit);
    const est = counted ? estimate(counted, volume) : undefined;
    const text = `Add up the parts: ${parts.join('; ')}.`;
    return est ? { text, estimate: est } : { text };
  }

  /** Each part's turnaround: the slowest sets the pace. */
  turnaround(steps: readonly RecipeStep[]): string {
    const parts = steps.map((s) => {
      const c = this.catalog.categories.get(s.category)!;
      return `${c.name}: ${c.turnaround.text}`;
    });
    return `The slowest part sets the pace. ${parts.join(' ')}`;
  }
}
