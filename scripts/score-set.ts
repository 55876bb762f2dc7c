// `node dist/scripts/score-set.js FILE.jsonl [--quiet]`: answers a labelled set with the shipped
// catalog and model, and prints the owner's measures plus data-class precision and recall.
// Blind slices are scored with this once, before anyone reads them (docs/quality.md).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadCatalog } from '../src/core/catalog.js';
import { parseCorpusText } from '../src/core/model/corpus.js';
import { measure, summaryLine } from '../src/core/model/metrics.js';
import { Recommender } from '../src/core/recommend.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: score-set.js FILE.jsonl [--quiet]\n');
  process.exit(2);
}
const recommender = new Recommender(loadCatalog(process.env.WHICH_TOOL_DATA || undefined));
const set = parseCorpusText(basename(file), readFileSync(file, 'utf8'));
const pairs = set.map((s) => ({ example: s.example, answer: recommender.ask(s.example.q) }));
if (!process.argv.includes('--quiet')) {
  for (const { example: e, answer: a } of pairs) {
    const got = a.recommendations[0]?.category ?? 'none';
    if (!e.accept.includes(got)) process.stdout.write(`  want ${e.accept.join('|')} got ${got}: ${e.q}\n`);
  }
}
process.stdout.write(`${summaryLine(measure(pairs))} · model ${recommender.modelVersion ?? 'none'}\n`);
