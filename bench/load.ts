// Load and soak: the built server (`npm start`'s entry point) as its own process, with Slack on
// (signed slash commands; Web API and response_url on a local stand-in) and Teams
// unauthenticated (message activities; replies to a local stand-in connector), plus /healthz,
// mixed, under autocannon at 32 connections for LOAD_SECONDS (default 60). Measures errors,
// p99, RSS every second (growth from the second to the last 10 s), start-up to ready,
// SIGTERM after the load, and counts the production dependencies shipped.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EXAMPLES } from '../src/render/examples.js';
import type { BenchRow, BenchSection } from './types.js';
import { freshlySignedCommand, row } from './util.js';

const CONNECTIONS = 32;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const SECRET = 'load-signing-secret';
const WARMUP_S = 3;
const TARGET = { p99Ms: 50, rssMb: 150, growth: 0.1, readyMs: 1000, stopMs: 10_000 };
const S = `load + soak (${CONNECTIONS} conns, ${SECONDS} s)`;

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (o: Record<string, unknown>) => Promise<CannonResult>;
const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const mainJs = join(root, 'src', 'server', 'main.js');

/**
 * Slack's Web API, response_url and the Teams connector in one stand-in (200 and a plausible
 * body), on its own thread so that it does not share autocannon's event loop.
 */
const STAND_IN = `
const { createServer } = require('node:http');
const { parentPort } = require('node:worker_threads');
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.url.startsWith('/v3/') ? '{"id":"r"}' : '{"ok":true,"user_id":"U0LOAD","bot_id":"B0LOAD"}');
  });
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

async function standIn(): Promise<{ url: string; stop: () => Promise<number> }> {
  const worker = new Worker(STAND_IN, { eval: true });
  const port = await new Promise<number>((ok, fail) => (worker.once('message', ok), worker.once('error', fail)));
  return { url: `http://127.0.0.1:${port}`, stop: () => worker.terminate() };
}

function slackCommand(text: string, standInUrl: string, i: number): Record<string, unknown> {
  return freshlySignedCommand(SECRET, {
    token: 'x', team_id: 'T0LOAD', channel_id: 'C0LOAD', user_id: `U0USER${i % 50}`, command: '/whichtool', text,
    response_url: `${standInUrl}/response`, api_app_id: 'A0LOAD',
  });
}

function teamsMessage(text: string, standInUrl: string, i: number): Record<string, unknown> {
  const body = JSON.stringify({
    type: 'message', id: `load-${i}`, channelId: 'msteams', serviceUrl: `${standInUrl}/`, timestamp: new Date().toISOString(),
    from: { id: `29:load-user-${i % 50}`, name: 'Load' }, recipient: { id: '28:bot', name: 'Which Tool' },
    conversation: { id: `a:load-${i % 50}`, conversationType: 'personal', tenantId: 't' },
    channelData: { tenant: { id: 't' } }, text, textFormat: 'plain',
  });
  return { method: 'POST', path: '/api/messages', body, headers: { 'content-type': 'application/json' } };
}

/** Slack, Teams and /healthz in turn: each connection cycles through the list. */
function mix(standInUrl: string): Record<string, unknown>[] {
  const all = EXAMPLES.slice(0, 20).flatMap((text, i) => [slackCommand(text, standInUrl, i), teamsMessage(text, standInUrl, i), { method: 'GET', path: '/healthz' }]);
  // LOAD_ONLY=slack|teams|healthz isolates one surface when a figure needs explaining.
  const only = process.env.LOAD_ONLY;
  return only ? all.filter((r) => String(r.path).includes(only === 'slack' ? '/slack/' : only === 'teams' ? '/api/' : '/healthz')) : all;
}

async function waitForReady(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('server not ready in time');
}

/** The server's own view of itself, from /metrics. */
async function processFigure(url: string, name: 'process_resident_memory_bytes' | 'process_cpu_seconds_total' | 'nodejs_heap_size_used_bytes'): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(new RegExp(`^${name} ([\\d.e+]+)`, 'm').exec(text)?.[1] ?? NaN);
}

/** The runtime settings the image sets (Dockerfile ENV), so the bench runs the server as deployed. */
function imageRuntime(): { NODE_OPTIONS: string; MALLOC_ARENA_MAX?: string } {
  const dockerfile = readFileSync(join(root, '..', 'Dockerfile'), 'utf8');
  const arenas = /MALLOC_ARENA_MAX=(\d+)/.exec(dockerfile)?.[1];
  return { NODE_OPTIONS: /NODE_OPTIONS="([^"]*)"/.exec(dockerfile)?.[1] ?? '', ...(arenas ? { MALLOC_ARENA_MAX: arenas } : {}) };
}

/** Packages `npm ci --omit=dev` installs, read from the lock file. */
function productionPackages(): { direct: number; total: number } {
  const lock = JSON.parse(readFileSync(join(root, '..', 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const pkg = JSON.parse(readFileSync(join(root, '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const total = Object.entries(lock.packages).filter(([k, v]) => k.startsWith('node_modules/') && !v.dev).length;
  return { direct: Object.keys(pkg.dependencies).length, total };
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const mb = (b: number): string => `${(b / 1048576).toFixed(1)} MB`;

export const run: BenchSection = async () => {
  if (!existsSync(mainJs)) throw new Error('build first: npm run build');
  const stand = await standIn();
  const dir = mkdtempSync(join(tmpdir(), 'which-tool-load-'));
  const logFile = join(dir, 'server.log');
  const out = openSync(logFile, 'w');
  const env = {
    PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', WHICH_TOOL_DB: join(dir, 'which-tool.db'), WHICH_TOOL_LOG_LEVEL: 'info',
    SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-load', SLACK_API_URL: `${stand.url}/api/`,
    // Teams from this machine without credentials, beside Slack; 50 simulated people send
    // thousands of requests a minute each, far past the per-person limit.
    WHICH_TOOL_TEAMS_LOCAL: '1', WHICH_TOOL_RATE_LIMIT: '0',
    ...imageRuntime(),
  };
  const loadAtStart = loadavg()[0]!.toFixed(1);
  const spawned = Date.now();
  // Logs go to a file, as a container runtime would take them, at the production level (info).
  const child = spawn(process.execPath, [...(process.env.LOAD_NODE_ARGS?.split(' ').filter(Boolean) ?? []), mainJs], { cwd: join(root, '..'), env, stdio: ['ignore', out, out] });
  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  try {
    let port = 0;
    while (!port && Date.now() - spawned < 10_000) {
      port = Number(/"port":(\d+)[^\n]*is listening/.exec(readFileSync(logFile, 'utf8'))?.[1] ?? 0);
      if (!port) await new Promise((r) => setTimeout(r, 2));
    }
    const url = `http://127.0.0.1:${port}`;
    await waitForReady(url, spawned + 10_000);
    const readyMs = Date.now() - spawned;

    // JIT warm-up, as after a deploy's first minutes; not counted.
    await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S, requests: mix(stand.url) });
    const samples: number[] = [];
    const cpuBefore = await processFigure(url, 'process_cpu_seconds_total');
    const heap: number[] = [];
    const sampler = setInterval(() => {
      void processFigure(url, 'process_resident_memory_bytes').then((b) => samples.push(b), () => undefined);
      void processFigure(url, 'nodejs_heap_size_used_bytes').then((b) => heap.push(b), () => undefined);
    }, 1000);
    const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests: mix(stand.url) });
    clearInterval(sampler);
    const cpuMsPerRequest = ((await processFigure(url, 'process_cpu_seconds_total')) - cpuBefore) * 1000 / result.requests.total;

    const t0 = Date.now();
    child.kill('SIGTERM');
    const code = await exited;
    const stopMs = Date.now() - t0;

    const w = Math.max(1, Math.min(10, Math.floor(samples.length / 3)));
    const second = mean(samples.slice(w, 2 * w));
    const last = mean(samples.slice(-w));
    const growth = last / second - 1;
    const peak = Math.max(...samples);
    const failures = result.errors + result.timeouts + result.non2xx;
    const deps = productionPackages();
    const rows: BenchRow[] = [
      row(S, 'server NODE_OPTIONS, MALLOC_ARENA_MAX (from the Dockerfile) / load average at start', `${env.NODE_OPTIONS || 'none'}, ${env.MALLOC_ARENA_MAX ?? 'unset'} / ${loadAtStart}`, '', null),
      row(S, 'requests (slack / teams / healthz mixed 1:1:1)', `${result.requests.total} (${Math.round(result.requests.average)} req/s)`, '', null),
      row(S, 'server CPU per request (mixed)', `${cpuMsPerRequest.toFixed(2)} ms`, '', null),
      row(S, 'errors + timeouts + non-2xx', String(failures), '0', failures === 0),
      row(S, 'latency p50 / p99 / max', `${result.latency.p50} / ${result.latency.p99} / ${result.latency.max} ms`, `p99 ≤ ${TARGET.p99Ms} ms`, result.latency.p99 <= TARGET.p99Ms),
      row(S, 'server RSS, peak', mb(peak), `≤ ${TARGET.rssMb} MB`, peak <= TARGET.rssMb * 1048576),
      row(S, `RSS growth, 2nd ${w} s → last ${w} s`, `${mb(second)} → ${mb(last)} (${(growth * 100).toFixed(1)}%)`, `< ${TARGET.growth * 100}%`, growth < TARGET.growth),
      row(S, `JS heap used, 2nd ${w} s → last ${w} s (mean)`, `${mb(mean(heap.slice(w, 2 * w)))} → ${mb(mean(heap.slice(-w)))}`, '', null),
      row(S, 'start-up: spawn to /healthz 200', `${readyMs} ms`, `≤ ${TARGET.readyMs} ms`, readyMs <= TARGET.readyMs),
      row(S, 'SIGTERM after load: exit code, time', `${code}, ${stopMs} ms`, `0, < ${TARGET.stopMs / 1000} s`, code === 0 && stopMs < TARGET.stopMs),
      row('security', 'production dependencies: direct / installed', `${deps.direct} / ${deps.total}`, '', null),
    ];
    return rows;
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await stand.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};
