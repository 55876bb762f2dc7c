// The catalog's tools as a policy refers to them: by catalog name or by the short names people
// use ("chatgpt", "midjourney"), case-insensitively, always resolved to the catalog name that
// answers show.
import type { Catalog } from '../catalog.js';
import type { CategoryIdT } from '../schema.js';

export interface CatalogTool {
  readonly name: string;
  /** The category it is first listed under: its kind. */
  readonly home: CategoryIdT;
  readonly bestFor: string;
  /** Catalog names of the tools it combines ("ChatGPT + DALL-E 3"), when it is such a pairing. */
  readonly parts: readonly string[];
}

/** A tool as one category lists it. */
export interface ListedTool {
  readonly name: string;
  readonly bestFor: string;
}

const key = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ');

export class CatalogTools {
  private readonly byKey = new Map<string, CatalogTool>();
  private readonly byCategory = new Map<CategoryIdT, readonly ListedTool[]>();
  private readonly labels = new Map<CategoryIdT, string>();

  constructor(catalog: Catalog) {
    const pairings: { name: string; home: CategoryIdT; bestFor: string }[] = [];
    for (const c of catalog.categories.values()) {
      this.byCategory.set(c.id, c.tools.map((t) => ({ name: t.name, bestFor: t.bestFor })));
      this.labels.set(c.id, c.name);
      for (const t of c.tools) {
        if (this.byKey.has(key(t.name))) continue;
        if (t.name.includes(' + ')) pairings.push({ name: t.name, home: c.id, bestFor: t.bestFor });
        else this.byKey.set(key(t.name), { name: t.name, home: c.id, bestFor: t.bestFor, parts: [] });
      }
    }
    for (const c of catalog.categories.values())
      for (const t of c.tools)
        for (const alias of t.aliases ?? []) if (!this.byKey.has(key(alias))) this.byKey.set(key(alias), this.byKey.get(key(t.name))!);
    // Pairings last, so their parts ("ChatGPT" is GPT-4o's alias) resolve through the aliases.
    for (const p of pairings) {
      const parts = p.name.split(' + ').map((n) => this.byKey.get(key(n))?.name ?? n);
      this.byKey.set(key(p.name), { ...p, parts });
    }
  }

  /** The catalog tool a name or alias means, if any. */
  resolve(name: string): CatalogTool | undefined {
    return this.byKey.get(key(name));
  }

  /** A category's tools in catalog order (best first), with what each is best for in that category. */
  inCategory(category: CategoryIdT): readonly ListedTool[] {
    return this.byCategory.get(category) ?? [];
  }

  /** The category's name for people ("Image generator"). */
  label(category: CategoryIdT): string {
    return this.labels.get(category) ?? category;
  }

  /** The name inside a sentence: "image generator", but "3D generator". */
  kind(category: CategoryIdT): string {
    const label = this.label(category);
    return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
  }

  /** Every catalog tool once, by catalog name. */
  all(): CatalogTool[] {
    return [...new Set(this.byKey.values())];
  }
}

export const toolKey = key;
