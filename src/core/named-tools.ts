// Finds the AI products a request names ("is Midjourney ok for the ad?", "copilot or cursor?"),
// by catalog name or the short names people use, and says which catalog tool each is. Names
// that are also ordinary words ("runway", "cursor", "flux") count only when written like a
// product: capitalised, or next to words people use about products ("runway or pika", "is luma
// any good").
import type { Catalog } from './catalog.js';
import type { CategoryIdT } from './schema.js';

export interface NamedTool {
  /** The catalog's name for it. */
  readonly name: string;
  /** The kind of tool it is: its home category in the catalog. */
  readonly category: CategoryIdT;
}

interface Alias {
  readonly words: readonly string[];
  readonly tool: NamedTool;
  readonly ambiguous: boolean;
}

// Ordinary words (or given names) that are also product names.
const AMBIGUOUS = new Set([
  'runway', 'cursor', 'pika', 'firefly', 'gemini', 'luma', 'kling', 'sora', 'gamma', 'jasper', 'llama', 'mistral', 'otter',
  'lovable', 'windsurf', 'spline', 'flux', 'leonardo', 'codex', 'perplexity', 'claude', 'veo', 'openai', 'gpt',
]);
const PRODUCT_BEFORE = new Set(['use', 'using', 'used', 'try', 'trying', 'tried', 'with', 'via', 'in', 'on', 'or', 'vs', 'versus', 'and', 'like', 'than', 'is', 'does', 'can', 'pay', 'paying', 'license', 'licence', 'about', 'of']);
const PRODUCT_AFTER = new Set(['or', 'vs', 'versus', 'and', 'for', 'to', 'any', 'good', 'ok', 'okay', 'can', 'could', 'pro', 'plus', 'premium', 'seat', 'seats', 'license', 'licence', 'subscription', 'account', 'ai', 'app', 'ml', 'allowed', 'approved', 'safe', 'better', 'worth', 'instead']);
// A bare "Copilot" is Microsoft's next to its office apps, GitHub's otherwise (labelling guide).
const OFFICE_WORDS = /\b(excel|word|outlook|powerpoint|ppt|teams|office|m365|microsoft|365|sharepoint|onedrive|windows|edge|bing|inbox|spreadsheet)\b/i;
const COPILOT = /^co-?pilot$/;

const words = (text: string): string[] =>
  text
    .replace(/[·]/g, '-')
    .split(/[^\p{L}\p{N}.]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter(Boolean);

export class NamedTools {
  private readonly byFirst = new Map<string, Alias[]>();
  private readonly microsoft: NamedTool | null;
  private readonly github: NamedTool | null;

  constructor(catalog: Catalog) {
    const add = (alias: string, tool: NamedTool): void => {
      const w = words(alias.toLowerCase());
      if (!w.length) return;
      const list = this.byFirst.get(w[0]!) ?? [];
      if (list.some((a) => a.words.join(' ') === w.join(' '))) return;
      list.push({ words: w, tool, ambiguous: w.length === 1 && AMBIGUOUS.has(w[0]!) });
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirst.set(w[0]!, list);
    };
    const homes = new Map<string, NamedTool>();
    for (const c of catalog.categories.values()) {
      for (const t of c.tools) {
        // A tool listed under several categories is first listed under its home one.
        if (!homes.has(t.name)) homes.set(t.name, { name: t.name, category: c.id });
        const tool = homes.get(t.name)!;
        if (tool.category === c.id) for (const alias of [t.name, ...(t.aliases ?? [])]) add(alias, tool);
      }
    }
    this.microsoft = homes.get('Microsoft Copilot') ?? null;
    this.github = homes.get('GitHub Copilot') ?? null;
  }

  find(text: string): NamedTool[] {
    const original = words(text);
    const lower = original.map((w) => w.toLowerCase());
    const found: NamedTool[] = [];
    const add = (t: NamedTool | null): void => {
      if (t && !found.some((f) => f.name === t.name)) found.push(t);
    };
    for (let i = 0; i < lower.length; i++) {
      const w = lower[i]!;
      const aliases = this.byFirst.get(w);
      const hit = aliases?.find((a) => a.words.every((x, k) => lower[i + k] === x) && (!a.ambiguous || this.looksLikeProduct(original, lower, i)));
      if (hit) {
        add(hit.tool);
        i += hit.words.length - 1;
      } else if (COPILOT.test(w)) {
        add(OFFICE_WORDS.test(text) ? this.microsoft : this.github);
      }
    }
    return found;
  }

  private looksLikeProduct(original: readonly string[], lower: readonly string[], i: number): boolean {
    const first = original[i]![0]!;
    if (first !== first.toLowerCase()) return true;
    return PRODUCT_BEFORE.has(lower[i - 1] ?? '') || PRODUCT_AFTER.has(lower[i + 1] ?? '') || i === lower.length - 1;
  }
}
