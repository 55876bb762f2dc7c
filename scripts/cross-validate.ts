// `node dist/scripts/cross-validate.js [--by writer|fold] [--folds 5] [--epochs N] [--svg docs/calibration.svg]`:
// trains on all but one part of the corpus, answers the part left out with the real pipeline,
// and reports the owner's measures per part and overall, a confusion matrix and calibration.
// `--by writer` leaves out one writer's file at a time: the honest measure, since a writer's
// style never helps answer that writer's own lines.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir, loadCatalog } from '../src/core/catalog.js';
import { buildModel, CATEGORY_LABELS, TRAINING } from '../src/core/model/build.js';
import { Classifier } from '../src/core/model/classifier.js';
import { loadCorpus, type Sourced } from '../src/core/model/corpus.js';
import { measure, summaryLine, type Metrics } from '../src/core/model/metrics.js';
import { Recommender } from '../src/core/recommend.js';
import { calibrationSvg } from './calibration-svg.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const by = flag('--by') ?? 'writer';
const folds = Number(flag('--folds') ?? 5);
// Other epochs than the shipped TRAINING's, to see how much training the measures need:
// `--epochs 7` for every head, `--epochs category=7,industry=12` for some.
function epochsFrom(text: string | undefined): typeof TRAINING.epochs {
  if (!text) return TRAINING.epochs;
  if (/^\d+$/.test(text)) return { category: Number(text), industry: Number(text), data: Number(text) };
  return { ...TRAINING.epochs, ...Object.fromEntries(text.split(',').map((p) => [p.split('=')[0], Number(p.split('=')[1])])) };
}
const epochs = epochsFrom(flag('--epochs'));
const dir = process.env.WHICH_TOOL_DATA || defaultDataDir();
const catalog = loadCatalog(dir);
const base = new Recommender(catalog, null);
const corpus = loadCorpus(join(dir, 'examples'));
const views = corpus.map((s) => base.read(s.example.q).view);
const temperatures = catalog.model
  ? { category: catalog.model.heads.category.temperature, industry: catalog.model.heads.industry.temperature, data: catalog.model.heads.data.temperature }
  : { category: 1, industry: 1, data: 1 };

const groupOf = (s: Sourced, i: number): string => (by === 'writer' ? s.file : `fold ${i % folds}`);
const groups = [...new Set(corpus.map(groupOf))];
const all: { example: Sourced['example']; answer: ReturnType<Recommender['ask']> }[] = [];
const started = performance.now();
for (const g of groups) {
  const train = corpus.flatMap((s, i) => (groupOf(s, i) === g ? [] : [{ view: views[i]!, example: s.example }]));
  const model = buildModel(catalog.dataVersion, train, { ...TRAINING, epochs, folds: 0 }, temperatures);
  const recommender = new Recommender(catalog, new Classifier(model));
  const held = corpus.flatMap((s, i) => (groupOf(s, i) === g ? [{ example: s.example, answer: recommender.ask(s.example.q) }] : []));
  all.push(...held);
  process.stdout.write(`${g.padEnd(34)} ${summaryLine(measure(held))}\n`);
}
const m: Metrics = measure(all);
process.stdout.write(`${'overall'.padEnd(34)} ${summaryLine(m)}\n`);
process.stdout.write(`(${((performance.now() - started) / 1000).toFixed(1)} s)\n\nper category:\n`);
for (const [k, v] of Object.entries(m.perCategory).sort()) process.stdout.write(`  ${k.padEnd(11)} ${(v.ok / v.n).toFixed(3)} (${v.ok}/${v.n})\n`);
process.stdout.write(`\nconfusion (rows wanted, columns answered):\n${''.padEnd(12)}${CATEGORY_LABELS.map((c) => c.slice(0, 6).padStart(7)).join('')}\n`);
for (const want of CATEGORY_LABELS) {
  const row = m.confusion[want] ?? {};
  process.stdout.write(`${want.padEnd(12)}${CATEGORY_LABELS.map((got) => String(row[got] ?? 0).padStart(7)).join('')}\n`);
}
process.stdout.write('\ncalibration (confidence → share right):\n');
for (const b of m.calibration) if (b.n) process.stdout.write(`  ${b.from.toFixed(1)}–${(b.from + 0.1).toFixed(1)}  n ${String(b.n).padStart(5)}  mean ${b.meanConfidence.toFixed(2)}  right ${(b.ok / b.n).toFixed(2)}\n`);
const svg = flag('--svg');
if (svg) writeFileSync(svg, calibrationSvg(m.calibration, `Calibration, leave-one-${by === 'writer' ? 'writer' : 'fold'}-out (${m.n} requests)`));
