// What changed in the catalog between two digests: the tools and use cases one version offers,
// kept per version so the next digest can name what was added or retired.
import type { Catalog } from '../core/catalog.js';
import type { DigestData } from '../render/digest-card.js';
import type { CatalogSnapshot, DigestStore } from '../store/digest-types.js';

export function snapshotOf(catalog: Catalog): CatalogSnapshot {
  const tools = [...catalog.categories.values()].flatMap((c) => c.tools.map((t) => t.name));
  return { version: catalog.version, tools: [...new Set(tools)].sort(), useCases: catalog.useCases.map((u) => u.title).sort() };
}

/** null when this is the first digest or the version is the same as last time. */
export async function catalogChanges(store: DigestStore, catalog: Catalog, previousVersion: string | null): Promise<DigestData['catalogChanges']> {
  if (!previousVersion || previousVersion === catalog.version) return null;
  const now = snapshotOf(catalog);
  const before = await store.getCatalogSnapshot(previousVersion);
  if (!before) return { added: [], removed: [], newUseCases: [], from: previousVersion, to: catalog.version };
  const had = new Set(before.tools);
  const has = new Set(now.tools);
  const hadUseCases = new Set(before.useCases);
  return {
    added: now.tools.filter((t) => !had.has(t)),
    removed: before.tools.filter((t) => !has.has(t)),
    newUseCases: now.useCases.filter((u) => !hadUseCases.has(u)),
    from: previousVersion,
    to: catalog.version,
  };
}
