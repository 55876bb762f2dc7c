// `node dist/scripts/correction-safety.js SLICE.jsonl [--kind video] [--n 50]`: does a deployment
// that accepted many corrections of one kind still answer everything else as well? Trains the
// deployment's model as the server would (shipped corpus + N accepted corrections, each weighing
// 3), from N synthetic corrections in one company's jargon (made-up product and project names,
// all of one kind), then scores the labelled slice with the shipped model and with the
// deployment's, and lists every slice request whose first kind changed. For docs/quality.md's
// check on a blind slice: run it on a slice no one has read.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defaultDataDir, loadCatalog } from '../src/core/catalog.js';
import { Classifier } from '../src/core/model/classifier.js';
import { parseCorpusText } from '../src/core/model/corpus.js';
import { seededRandom } from '../src/core/model/linear.js';
import { measure, summaryLine } from '../src/core/model/metrics.js';
import { Recommender } from '../src/core/recommend.js';
import { CategoryId, type CategoryIdT } from '../src/core/schema.js';
import { DeploymentModels } from '../src/corrections/deployment-model.js';
import type { TeachingCorrection } from '../src/corrections/teaching.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const file = args.find((a, i) => !a.startsWith('--') && !['--kind', '--n'].includes(args[i - 1] ?? ''));
const kind = CategoryId.safeParse(flag('--kind') ?? 'video');
const n = Number(flag('--n') ?? 50);
if (!file || !kind.success || !Number.isInteger(n) || n < 1) {
  process.stderr.write('usage: correction-safety.js SLICE.jsonl [--kind llm|code|image|video|audio|3d|multimodal] [--n 50]\n');
  process.exit(2);
}

/** N requests in a company's own words: invented names no corpus has, in everyday phrasings. */
function synthetic(count: number, chosen: CategoryIdT): TeachingCorrection[] {
  const random = seededRandom(20261203);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const syllables = ['zin', 'ta', 'ro', 'glim', 'mer', 'vex', 'qua', 'lor', 'pim', 'dax', 'ul', 'bren'];
  const name = (): string => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(syllables)).join('');
  const forms = [
    (t: string, p: string) => `need a ${t} for the ${p} launch`,
    (t: string, p: string) => `can someone do the ${t} for ${p} this week`,
    (t: string, p: string) => `we want 3 ${t}s for project ${p}`,
    (t: string, p: string) => `${p} team asks for a new ${t}`,
    (t: string, p: string) => `how do we make the ${t} for ${p}?`,
    (t: string, p: string) => `quick ${t} for the ${p} rollout pls`,
  ];
  return Array.from({ length: count }, (_, i) => ({ id: `cor_synthetic${i}`, text: pick(forms)(name(), name()), chosen, industry: null }));
}

const dir = process.env.WHICH_TOOL_DATA || defaultDataDir();
const catalog = loadCatalog(dir);
const slice = parseCorpusText(basename(file), readFileSync(file, 'utf8')).map((s) => s.example);
const corrections = synthetic(n, kind.data);
const shipped = new Recommender(catalog);
const started = performance.now();
const { model } = await new DeploymentModels(catalog, dir, null).model(corrections);
const trainedS = (performance.now() - started) / 1000;
const deployment = new Recommender(catalog, new Classifier(model));

const before = slice.map((example) => ({ example, answer: shipped.ask(example.q) }));
const after = slice.map((example) => ({ example, answer: deployment.ask(example.q) }));
const first = (a: { recommendations: { category: string }[] }): string => a.recommendations[0]?.category ?? 'none';
const learnt = corrections.filter((c) => first(deployment.ask(c.text)) === kind.data).length;

process.stdout.write(`${n} accepted corrections, all "${kind.data}", e.g. "${corrections[0]!.text}"; trained in ${trainedS.toFixed(1)} s on ${join(dir, 'examples')}\n`);
process.stdout.write(`the corrections themselves answered "${kind.data}": ${learnt}/${n}\n`);
process.stdout.write(`before (shipped ${shipped.modelVersion}):   ${summaryLine(measure(before))}\n`);
process.stdout.write(`after  (deployment ${deployment.modelVersion}): ${summaryLine(measure(after))}\n`);
slice.forEach((e, i) => {
  const [b, a] = [first(before[i]!.answer), first(after[i]!.answer)];
  if (b === a) return;
  const mark = (c: string): string => (e.accept.includes(c as never) ? 'right' : 'wrong');
  process.stdout.write(`  changed: ${b} (${mark(b)}) → ${a} (${mark(a)}): ${e.q}\n`);
});
