// Shared test fixtures: the shipped catalog and a recommender over it, loaded once per file.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDataDir, loadCatalog, type Catalog } from '../../src/core/catalog.js';
import { Recommender } from '../../src/core/recommend.js';

let cached: Catalog | undefined;
export const shippedCatalog = (): Catalog => (cached ??= loadCatalog());
export const recommender = (): Recommender => new Recommender(shippedCatalog());

/** A writable copy of the data folder, for tests that break or extend it. */
export function copyOfData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'which-tool-data-'));
  cpSync(defaultDataDir(), dir, { recursive: true });
  return dir;
}
