// Core benchmark: answer latency on the shipped catalog and on a generated 50,000-use-case
// catalog, a 10,000-line --stdin batch through the real command line, and peak memory.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { copyOfDataDir, percentile, row } from './util.js';
import { loadCatalog } from '../src/core/catalog.js';
import { Recommender } from '../src/core/recommend.js';
import type { BenchRow } from './types.js';

const SECTION = 'core';

function sampleQueries(): string[] {
  const files = [resolve('../shared/eval/dev.jsonl'), ...['own-cases', 'own-cases-2', 'own-cases-3', 'own-cases-4'].map((f) => resolve(`test/fixtures/${f}.jsonl`))];
  return files.flatMap((f) => {
    try {
      return readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { q: string }).q);
    } catch {
      return [];
    }
  });
}

function latency(recommender: Recommender, queries: string[], rounds: number): { p50: number; p99: number } {
  // Warm up the JIT and the spelling cache: the figure is the steady state of a running server.
  for (let r = 0; r < 3; r++) for (const q of queries) recommender.ask(q);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t0 = process.hrtime.bigint();
      recommender.ask(q);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

// A deterministic generator, so two runs build the same synthetic catalog.
function* random(seed: number): Generator<number> {
  let s = seed >>> 0;
  for (;;) {
    s = (s * 1664525 + 1013904223) >>> 0;
    yield s / 2 ** 32;
  }
}

export function syntheticCatalogDir(useCases: number): string {
  const dir = copyOfDataDir();
  const file = join(dir, 'use-cases.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { useCases: Record<string, unknown>[] };
  const rnd = random(42);
  const next = (): number => rnd.next().value as number;
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const vocabulary = Array.from({ length: 20_000 }, () => Array.from({ length: 4 + Math.floor(next() * 7) }, () => letters[Math.floor(next() * 26)]).join(''));
  const realWords = ['image', 'video', 'write', 'summary', 'logo', 'music', 'code', 'design', 'report', 'photo', 'clip', 'model'];
  const categories = ['llm', 'code', 'image', 'video', 'audio', '3d', 'multimodal'];
  const tools: Record<string, string> = { llm: 'GPT-4o', code: 'Cursor', image: 'DALL-E 3', video: 'Pika Labs', audio: 'ElevenLabs', '3d': 'CAD generative design tools', multimodal: 'Gemini 2.0' };
  const word = (): string => (next() < 0.1 ? realWords[Math.floor(next() * realWords.length)]! : vocabulary[Math.floor(next() * vocabulary.length)]!);
  for (let i = 0; i < useCases; i++) {
    const category = categories[i % categories.length]!;
    data.useCases.push({
      id: `synthetic-${i}`,
      title: `Synthetic use case ${i}`,
      category,
      phrases: Array.from({ length: 4 }, () => Array.from({ length: 1 + Math.floor(next() * 3) }, word).join(' ')),
      cues: [word(), word()],
      tools: [tools[category]],
      source: 'which-tool-editors',
      asOf: '2026-11-30',
    });
  }
  writeFileSync(file, JSON.stringify(data));
  return dir;
}

function stdinBatch(queries: string[], lines: number): { ms: number; rssMb: number; ok: boolean } {
  const input = Array.from({ length: lines }, (_, i) => queries[i % queries.length]).join('\n');
  const t0 = process.hrtime.bigint();
  const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, resolve('dist/src/cli/main.js'), 'ask', '--json', '--stdin'], {
    input,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rssKb = Number(child.stderr.trim().split('\n').at(-1));
  const ok = child.status === 0 && child.stdout.trim().split('\n').length === lines;
  return { ms, rssMb: Number.isFinite(rssKb) ? rssKb / 1024 : NaN, ok };
}

export async function run(): Promise<BenchRow[]> {
  const queries = sampleQueries();
  const shipped = new Recommender(loadCatalog());
  const small = latency(shipped, queries, 50);

  const t0 = Date.now();
  const big = new Recommender(loadCatalog(syntheticCatalogDir(50_000)));
  const buildMs = Date.now() - t0;
  const large = latency(big, queries, 5);

  const batch = stdinBatch(queries, 10_000);
  const rows: BenchRow[] = [
    row(SECTION, `answer p50, shipped catalog (${shipped.catalog.useCases.length} use cases)`, `${small.p50.toFixed(3)} ms`, '', null),
    row(SECTION, 'answer p99, shipped catalog', `${small.p99.toFixed(3)} ms`, '≤ 1 ms', small.p99 <= 1),
    row(SECTION, 'answer p50, 50,000 synthetic use cases', `${large.p50.toFixed(3)} ms`, '', null),
    row(SECTION, 'answer p99, 50,000 synthetic use cases', `${large.p99.toFixed(3)} ms`, '≤ 10 ms', large.p99 <= 10),
    row(SECTION, 'load + index 50,000 use cases', `${buildMs} ms`, '', null),
    row(SECTION, '--stdin batch of 10,000 requests incl. start-up', `${batch.ms.toFixed(0)} ms${batch.ok ? '' : ' (FAILED)'}`, '≤ 3,000 ms', batch.ok && batch.ms <= 3000),
    row(SECTION, 'peak RSS of that batch process', `${batch.rssMb.toFixed(0)} MB`, '', null),
    row(SECTION, 'peak RSS of the bench process (50k catalog loaded)', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`, '', null),
  ];
  return rows;
}

