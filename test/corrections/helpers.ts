// Shared set-up for the corrections tests: a real SQLite file, the service over it, and a
// correction as a surface would record it (the request asked again, then the kind chosen).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChosenKind } from '../../src/store/correction-types.js';
import { silentLogger } from '../../src/log/logger.js';
import { CorrectionService, type CorrectionSettings } from '../../src/corrections/service.js';
import { openSqliteStore, type OpenStore } from '../../src/store/sqlite.js';
import type { IndustryIdT } from '../../src/core/schema.js';
import { Recommender } from '../../src/core/recommend.js';
import { copyOfData, shippedCatalog } from '../helpers/catalog.js';
import { tempDbPath } from '../digest/stand-ins.js';

export const GLIMMER = 'need a glimmerpost for the zintaro launch';
/** Requests a correction about a made-up product must not move. */
export const UNRELATED = ['make a jingle for our bakery', 'summarize our vendor contracts for compliance', 'I need 300 product shots a month for the shop'];

export interface Opened {
  readonly path: string;
  readonly store: OpenStore;
  readonly service: CorrectionService;
}

export function openService(settings: Partial<CorrectionSettings> = {}, path = tempDbPath()): Opened {
  const store = openSqliteStore({ path, logRequestText: false, retentionDays: 90, log: silentLogger() });
  const service = new CorrectionService(store.corrections, shippedCatalog(), { keepText: true, perHour: 10, owners: new Set(), ...settings });
  return { path, store, service };
}

let shipped: Recommender | undefined;

export async function correct(service: CorrectionService, text: string, category: ChosenKind, user = 'U1', industry?: IndustryIdT) {
  return await service.record({
    answer: (shipped ??= new Recommender(shippedCatalog())).ask(text),
    chosen: { category, ...(industry ? { industry } : {}) },
    surface: 'slack',
    workspace: 'T1',
    user,
  });
}

/**
 * A data folder whose corpus is every `every`th shipped line: training on it takes a second, so
 * a test that trains stays well under its time limit. The catalog and shipped model are the real ones.
 */
export function dataWithSmallCorpus(every = 16): string {
  const dir = copyOfData();
  const examples = join(dir, 'examples');
  mkdirSync(examples, { recursive: true });
  for (const f of readdirSync(examples).filter((n) => n.endsWith('.jsonl'))) {
    const lines = readFileSync(join(examples, f), 'utf8').split('\n').filter((l) => l.trim());
    writeFileSync(join(examples, f), `${lines.filter((_, i) => i % every === 0).join('\n')}\n`);
  }
  return dir;
}
