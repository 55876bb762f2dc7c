// Model benchmark: the model file's size, what loading it adds to start-up, and how long a
// deployment takes to retrain on the shipped corpus plus 1,000 accepted corrections.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultDataDir, loadCatalog, MODEL_FILE } from '../src/core/catalog.js';
import { loadCorpus, type ExampleT } from '../src/core/model/corpus.js';
import { trainWithCorrections } from '../src/core/model/deployment.js';
import type { BenchRow } from './types.js';
import { row } from './util.js';

const SECTION = 'model';

/** Loads the catalog and builds a recommender in a fresh process, as start-up does. */
function loadMs(withModel: boolean): number {
  const script = `
    const t0 = performance.now();
    const { loadCatalog } = await import(${JSON.stringify(resolve('dist/src/core/catalog.js'))});
    const { Recommender } = await import(${JSON.stringify(resolve('dist/src/core/recommend.js'))});
    const c = loadCatalog();
    new Recommender(c, ${withModel ? 'undefined' : 'null'});
    process.stdout.write(String(performance.now() - t0));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return Number(r.stdout);
}

/** 1,000 corrections in a deployment's own words: corpus requests with made-up product names. */
function corrections(corpus: readonly ExampleT[]): ExampleT[] {
  return Array.from({ length: 1000 }, (_, i) => {
    const base = corpus[(i * 7919) % corpus.length]!;
    return { ...base, q: `${base.q} for project zintaro-${i % 50}`, accept: i % 3 ? base.accept : ['image'] };
  });
}

export async function run(): Promise<BenchRow[]> {
  const dir = defaultDataDir();
  const size = statSync(join(dir, MODEL_FILE)).size / 1e6;
  const withModel = Math.min(...[0, 1, 2].map(() => loadMs(true)));
  const without = Math.min(...[0, 1, 2].map(() => loadMs(false)));
  const catalog = loadCatalog(dir);
  const corpus = loadCorpus(join(dir, 'examples')).map((s) => s.example);
  const extra = corrections(corpus);
  const t0 = performance.now();
  trainWithCorrections(catalog, corpus, extra);
  const trainMs = performance.now() - t0;
  return [
    row(SECTION, 'model file size', `${size.toFixed(2)} MB`, '≤ 5 MB', size <= 5),
    row(SECTION, 'catalog load + recommender, with model / phrases only (fresh process)', `${withModel.toFixed(0)} / ${without.toFixed(0)} ms`, '', null),
    row(SECTION, `retrain in process: ${corpus.length.toLocaleString('en-US')} corpus lines + 1,000 corrections`, `${(trainMs / 1000).toFixed(2)} s`, '≤ 2 s', trainMs <= 2000),
  ];
}
