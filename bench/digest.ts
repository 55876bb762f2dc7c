// Digest fan-out: 1,000 Slack channels in one workspace, against a stand-in that enforces
// Slack's chat.postMessage limits as modelled here (1 message/s per channel; per workspace a
// bucket of 100 that refills at 50/s; 429 with Retry-After beyond them). The bound is the
// fastest those limits allow: (messages − burst) / rate. Real SQLite, real runner and sender.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../src/core/catalog.js';
import { DigestRunner } from '../src/digest/runner.js';
import { SlackSender } from '../src/digest/slack-sender.js';
import { silentLogger } from '../src/log/logger.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { BenchRow, BenchSection } from './types.js';
import { row } from './util.js';

interface Limits { readonly burst: number; readonly perSecond: number }

/** A token bucket per key: `take` is false when the key is over its limit. */
function buckets(limits: Limits): (key: string) => { ok: boolean; retryAfter: number } {
  const state = new Map<string, { tokens: number; at: number }>();
  return (key) => {
    const now = performance.now();
    const s = state.get(key) ?? { tokens: limits.burst, at: now };
    s.tokens = Math.min(limits.burst, s.tokens + ((now - s.at) / 1000) * limits.perSecond);
    s.at = now;
    state.set(key, s);
    if (s.tokens >= 1) {
      s.tokens -= 1;
      return { ok: true, retryAfter: 0 };
    }
    return { ok: false, retryAfter: Math.ceil((1 - s.tokens) / limits.perSecond) };
  };
}

async function standIn(workspace: Limits) {
  const channel = buckets({ burst: 1, perSecond: 1 });
  const team = buckets(workspace);
  let delivered = 0;
  let limited = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      const { channel: id } = JSON.parse(body) as { channel: string };
      const c = channel(id);
      const t = c.ok ? team('T1') : { ok: false, retryAfter: c.retryAfter };
      if (!c.ok || !t.ok) {
        limited++;
        res.writeHead(429, { 'retry-after': String(Math.max(1, t.retryAfter)), 'content-type': 'application/json' });
        return void res.end('{"ok":false,"error":"ratelimited"}');
      }
      delivered++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, channel: id, ts: '1.0' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    counts: () => ({ delivered, limited }),
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

async function fanOut(channels: number, workspace: Limits): Promise<{ seconds: number; bound: number; delivered: number; limited: number }> {
  const api = await standIn(workspace);
  const store = openSqliteStore({ path: join(mkdtempSync(join(tmpdir(), 'which-tool-bench-')), 'bench.db'), logRequestText: false, retentionDays: 90, log: silentLogger() });
  store.db.transaction(() => {
    for (let i = 0; i < channels; i++)
      void store.digest.upsertSubscription({ platform: 'slack', workspace: 'T1', channel: `C${String(i).padStart(6, '0')}`, schedule: '0 9 * * 1', timeZone: 'Europe/Berlin' }, new Date('2026-11-01T00:00:00Z'));
  })();
  const runner = new DigestRunner({
    store: store.digest,
    catalog: loadCatalog(),
    sender: new SlackSender({ apiUrl: api.url, botToken: 'xoxb-bench' }),
    log: silentLogger(),
    graceHours: 6,
  });
  const started = performance.now();
  const report = await runner.runDue(new Date('2026-12-07T08:00:00Z'));
  const seconds = (performance.now() - started) / 1000;
  const counts = api.counts();
  await api.close();
  store.close();
  if (report.sent.length !== channels) throw new Error(`sent ${report.sent.length} of ${channels}`);
  return { seconds, bound: Math.max(0, (channels - workspace.burst) / workspace.perSecond), ...counts };
}

export const run: BenchSection = async () => {
  const rows: BenchRow[] = [];
  const main = await fanOut(1000, { burst: 100, perSecond: 50 });
  const ratio = main.seconds / main.bound;
  rows.push(
    row('digest', 'fan-out 1,000 Slack channels (workspace: burst 100, 50/s)', `${main.seconds.toFixed(1)} s vs bound ${main.bound.toFixed(1)} s = ${ratio.toFixed(2)}×`, '≤ 1.2×', ratio <= 1.2),
    row('digest', '  429s answered by the stand-in', String(main.limited), '', null),
  );
  // A workspace stricter than the sender's starting pace: the sender learns from 429s.
  const strict = await fanOut(300, { burst: 50, perSecond: 25 });
  rows.push(
    row('digest', 'fan-out 300 channels, stricter workspace (burst 50, 25/s)', `${strict.seconds.toFixed(1)} s vs bound ${strict.bound.toFixed(1)} s = ${(strict.seconds / strict.bound).toFixed(2)}×, ${strict.limited} 429s`, '', null),
  );
  return rows;
};
