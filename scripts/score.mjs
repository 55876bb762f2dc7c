#!/usr/bin/env node
// The project's own scorer for labelled sets (test/fixtures/own-cases*.jsonl), so a clone on its
// own can check answer quality: it pipes every request through `which-tool ask --json --stdin` in
// one process and compares the first recommendation, the industry and the volume with the labels.
//   node scripts/score.mjs test/fixtures/own-cases.jsonl [--min 0.95] [--min-industry 0.9] [--min-volume 1] [--quiet]
// WHICH_TOOL_CMD replaces the command (a shell command line). The last line is the summary; the
// exit code is 1 when a threshold is missed or an answer is malformed, 2 on a usage error.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const flag = (name) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : 0);
const file = argv.find((a, i) => !a.startsWith('--') && !(i > 0 && argv[i - 1].startsWith('--min')));
if (!file) {
  console.error('usage: score.mjs CASES.jsonl [--min 0.95] [--min-industry 0.9] [--min-volume 1] [--quiet]');
  process.exit(2);
}
const wanted = { category: flag('--min'), industry: flag('--min-industry'), volume: flag('--min-volume') };

const cases = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => {
    try {
      return JSON.parse(l);
    } catch {
      console.error(`${file}:${i + 1}: not JSON`);
      process.exit(2);
    }
  });

const cli = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
const command = process.env.WHICH_TOOL_CMD || `"${process.execPath}" "${cli}" ask --json --stdin`;
const run = spawnSync('sh', ['-c', command], { input: `${cases.map((c) => c.q.replace(/\s+/g, ' ')).join('\n')}\n`, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const answers = run.stdout.split('\n').filter((l) => l.trim());
if (run.status !== 0 || answers.length !== cases.length) {
  console.log(`FAIL: the command exited ${run.status} with ${answers.length} answers for ${cases.length} requests\n${run.stderr.slice(-1000)}`);
  process.exit(1);
}

const tally = { category: [0, 0], industry: [0, 0], volume: [0, 0] };
const misses = [];
let malformed = 0;
cases.forEach((c, i) => {
  let a;
  try {
    a = JSON.parse(answers[i]);
  } catch {
    a = null;
  }
  if (!a || !Array.isArray(a.recommendations)) {
    malformed++;
    misses.push(`  [malformed] ${c.q}`);
    return;
  }
  const top = a.recommendations[0]?.category ?? 'none';
  tally.category[1]++;
  if (c.accept.includes(top)) tally.category[0]++;
  else misses.push(`  want ${c.accept.join('|')} got ${top}: ${c.q}`);
  if (c.industry) {
    tally.industry[1]++;
    if (a.industry === c.industry) tally.industry[0]++;
    else misses.push(`  industry want ${c.industry} got ${a.industry}: ${c.q}`);
  }
  if (c.volume) {
    tally.volume[1]++;
    const v = a.volume;
    if (v && v.count === c.volume.count && v.unit === c.volume.unit && v.period === c.volume.period) tally.volume[0]++;
    else misses.push(`  volume want ${JSON.stringify(c.volume)} got ${JSON.stringify(v)}: ${c.q}`);
  }
});

const share = ([ok, n]) => (n ? ok / n : 1);
if (!argv.includes('--quiet') && misses.length) console.log(`misses (${misses.length}):\n${misses.join('\n')}`);
const part = (k) => `${k} ${share(tally[k]).toFixed(3)} (${tally[k][0]}/${tally[k][1]})`;
console.log(`${part('category')} · ${part('industry')} · ${part('volume')} · malformed ${malformed}`);
const met = Object.keys(wanted).every((k) => share(tally[k]) >= wanted[k]);
process.exit(met && malformed === 0 ? 0 : 1);
