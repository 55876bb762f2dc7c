// Teams benchmark: an @mention in a channel, through the real CloudAdapter over HTTP, until the
// reply reaches a stand-in Bot Framework connector. 16 concurrent senders, p50/p99 measured at
// the connector (the time a person would wait for the card), target p99 ≤ 50 ms. The bot runs
// in its own process (teams-server.ts); the senders and the connector share this one.
import { fork } from 'node:child_process';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EXAMPLES } from '../src/render/examples.js';
import type { BenchRow, BenchSection } from './types.js';

const CONNECTIONS = 16;
const WARMUP = 500;
const MEASURED = 2000;
const TARGET_P99_MS = 50;

const listen = (server: Server): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export const run: BenchSection = async () => {
  // The connector notes when each reply arrives, keyed by the message it answers.
  const arrived = new Map<string, number>();
  const connector = createServer((req, res) => {
    const m = /\/activities\/([^/?]+)$/.exec(req.url ?? '');
    req.resume();
    req.on('end', () => {
      if (m) arrived.set(decodeURIComponent(m[1]!), performance.now());
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"r"}');
    });
  });
  const connectorUrl = `http://127.0.0.1:${await listen(connector)}/`;

  const bot = fork(new URL('./teams-server.js', import.meta.url), [], { stdio: 'ignore' });
  const botPort = await new Promise<number>((resolve, reject) => {
    bot.once('message', (m) => resolve((m as { port: number }).port));
    bot.once('exit', (code) => reject(new Error(`teams bench: bot process exited (${code})`)));
  });
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const post = (body: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: botPort, path: '/api/messages', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });

  let n = 0;
  const mention = async (): Promise<number> => {
    const id = `bench-${n++}`;
    const text = EXAMPLES[n % EXAMPLES.length]!;
    const body = JSON.stringify({
      type: 'message', id, channelId: 'msteams', serviceUrl: connectorUrl, timestamp: new Date().toISOString(),
      from: { id: '29:bench-user', name: 'Bench' }, recipient: { id: '28:bot', name: 'Which Tool' },
      conversation: { id: '19:bench@thread.tacv2', conversationType: 'channel', tenantId: 't', isGroup: true },
      channelData: { tenant: { id: 't' }, team: { id: '19:team@thread.tacv2' }, channel: { id: '19:bench@thread.tacv2' } },
      text: `<at>Which Tool</at> ${text}`,
      entities: [{ type: 'mention', text: '<at>Which Tool</at>', mentioned: { id: '28:bot', name: 'Which Tool' } }],
    });
    const start = performance.now();
    const status = await post(body);
    const at = arrived.get(id);
    if (status !== 200 || at === undefined) throw new Error(`teams bench: no reply for ${id} (HTTP ${status})`);
    arrived.delete(id);
    return at - start;
  };

  const drive = async (total: number): Promise<number[]> => {
    const times: number[] = [];
    let left = total;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (left-- > 0) times.push(await mention());
      }),
    );
    return times.sort((a, b) => a - b);
  };

  const botCpuMs = (): Promise<number> =>
    new Promise((resolve) => {
      bot.once('message', (m) => {
        const { user, system } = (m as { cpu: NodeJS.CpuUsage }).cpu;
        resolve((user + system) / 1000);
      });
      bot.send('cpu');
    });

  try {
    await drive(WARMUP);
    const cpuBefore = await botCpuMs();
    const started = performance.now();
    const times = await drive(MEASURED);
    const seconds = (performance.now() - started) / 1000;
    const cpuPerMention = ((await botCpuMs()) - cpuBefore) / MEASURED;
    const p99 = percentile(times, 99);
    const row = (metric: string, value: string, target = '', met: boolean | null = null): BenchRow => ({ section: 'teams', metric, value, target, met });
    return [
      row('mention → reply at connector, p50 (16 conn.)', `${percentile(times, 50).toFixed(1)} ms`),
      row('mention → reply at connector, p99 (16 conn.)', `${p99.toFixed(1)} ms`, `≤ ${TARGET_P99_MS} ms`, p99 <= TARGET_P99_MS),
      row('mentions answered per second', `${Math.round(MEASURED / seconds)}`),
      row('bot CPU per mention', `${cpuPerMention.toFixed(2)} ms`),
    ];
  } finally {
    agent.destroy();
    bot.disconnect();
    connector.closeAllConnections();
    await new Promise<void>((r) => connector.close(() => r()));
  }
};
