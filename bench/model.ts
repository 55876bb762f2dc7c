// Model benchmark: the model file's size, what loading it adds to start-up, and how long a
// deployment takes to retrain on the shipped corpus plus 1,000 accepted corrections: in this
// process, and as the server does it, in its trainer process (the first job there reads the
// corpus; later ones find it read), plus what swapping the model in costs the server's event loop.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultDataDir, loadCatalog, MODEL_FILE } from '../src/core/catalog.js';
import { loadCorpus, type ExampleT } from '../src/core/model/corpus.js';
import { trainWithCorrections } from '../src/core/model/deployment.js';
import { Classifier } from '../src/core/model/classifier.js';
import type { TeachingCorrection } from '../src/corrections/teaching.js';
import { TrainerProcess } from '../src/corrections/trainer-client.js';
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

/** The same 1,000 as accepted corrections from the store (the trainer labels them itself); `salt` makes another set. */
function teaching(corpus: readonly ExampleT[], salt: string): TeachingCorrection[] {
  return corrections(corpus).map((e, i) => ({ id: `cor_${salt}${i}`, text: `${e.q}${salt}`, chosen: e.accept[0]!, industry: e.industry }));
}

/** Peak resident memory of a process, from Linux's /proc; null elsewhere. */
function peakMb(pid: number | undefined): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function inTrainer(dir: string, catalogVersion: string, corpus: readonly ExampleT[]): Promise<BenchRow[]> {
  const trainer = new TrainerProcess({ dataDir: dir, cacheDir: null, catalogVersion });
  try {
    const sent = performance.now();
    const cold = await trainer.model(teaching(corpus, ''));
    const coldWall = performance.now() - sent;
    const warmSet = teaching(corpus, ' v2');
    const warm = await trainer.model(warmSet);
    const oneMore = await trainer.model([...warmSet, { id: 'cor_one_more', text: 'need a glimmerpost for the zintaro launch', chosen: 'video', industry: null }]);
    const swapStarted = performance.now();
    new Classifier(warm.model);
    const swap = performance.now() - swapStarted;
    const peak = peakMb(trainer.pid);
    const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    return [
      row(SECTION, 'retrain in the trainer process, first job (reads the corpus): wall incl. start / CPU', `${s(coldWall)} / ${s(cold.cpuMs)}`, '', null),
      row(SECTION, 'retrain in the trainer process, corpus already read, 1,000 new corrections: wall / CPU', `${s(warm.ms)} / ${s(warm.cpuMs)}`, '≤ 2 s', warm.ms <= 2000),
      row(SECTION, 'retrain in the trainer process, one more accepted (1,000 read before): wall / CPU', `${s(oneMore.ms)} / ${s(oneMore.cpuMs)}`, '≤ 2 s', oneMore.ms <= 2000),
      row(SECTION, "swap in the retrained model (server's event loop)", `${swap.toFixed(0)} ms`, '', null),
      row(SECTION, 'trainer process peak RSS', peak === null ? 'n/a' : `${peak.toFixed(0)} MB`, '', null),
    ];
  } finally {
    trainer.stop();
  }
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
  await trainWithCorrections(catalog, corpus, extra);
  const trainMs = performance.now() - t0;
  return [
    row(SECTION, 'model file size', `${size.toFixed(2)} MB`, '≤ 5 MB', size <= 5),
    row(SECTION, 'catalog load + recommender, with model / phrases only (fresh process)', `${withModel.toFixed(0)} / ${without.toFixed(0)} ms`, '', null),
    row(SECTION, `retrain in one process from scratch: ${corpus.length.toLocaleString('en-US')} corpus lines + 1,000 corrections`, `${(trainMs / 1000).toFixed(2)} s`, '', null),
    ...(await inTrainer(dir, catalog.version, corpus)),
  ];
}
