// Finding 5 (medium): bodies up to 512 KB were buffered before any signature check, with no cap
// on connections or on bodies in flight, and a client dribbling its headers was held ~34 s. Now a
// request that cannot be authentic is refused from its headers alone, bodies are capped at 64 KB
// before authentication, all bodies being read share an 8 MB budget (then 503 at once), the
// server takes 512 connections, and header and request timeouts are enforced within seconds.
import { connect, type Socket } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../digest/built-cli.js';
import { SECRETS } from '../ship/fixture.js';
import { baseEnv, pause, scratch, serve } from './support.js';

const db = scratch();
beforeAll(() => ensureBuilt(), 120_000);

const slackEnv = (path: string) => ({ ...baseEnv(path), HOST: '127.0.0.1', SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: 'http://127.0.0.1:9/api/' });

/** Opens a raw connection to the server, sends `head`, and records what comes back and when it closes. */
function raw(port: number, head: string): Promise<{ socket: Socket; reply: () => string; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    let reply = '';
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
      resolve({ socket, reply: () => reply, closed });
    });
    const closed = new Promise<number>((r) => socket.on('close', () => r(Date.now() - t0)));
    socket.on('data', (d) => void (reply += d.toString()));
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

const post = (path: string, length: number, headers: Record<string, string> = {}): string =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${length}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
const fresh = () => ({ 'X-Slack-Request-Timestamp': String(Math.floor(Date.now() / 1000)), 'X-Slack-Signature': `v0=${'0'.repeat(64)}` });

describe('requests before authentication', () => {
  it('refuses an unsigned Slack request and an unauthenticated Teams request before their bodies arrive', async () => {
    const slackServer = await serve(slackEnv(db()));
    const teamsServer = await serve({ ...baseEnv(db()), HOST: '127.0.0.1', MICROSOFT_APP_ID: '00000000-0000-4000-8000-000000000001', MICROSOFT_APP_PASSWORD: SECRETS.MICROSOFT_APP_PASSWORD });
    try {
      for (const [server, path] of [[slackServer, '/slack/events'], [teamsServer, '/api/messages']] as const) {
        // Headers only: the 50 KB body is never sent. An answer can only come from the headers.
        const c = await raw(server.port, post(path, 50_000).replace('x-www-form-urlencoded', 'json'));
        await expect.poll(c.reply, { timeout: 2_000 }).toMatch(/^HTTP\/1\.1 401/);
        expect(await c.closed).toBeLessThan(2_000);
      }
    } finally {
      await slackServer.stop();
      await teamsServer.stop();
    }
  });

  it('refuses a body over 64 KB from its declared length, and past the body budget answers 503 at once', async () => {
    const server = await serve(slackEnv(db()));
    const open: Socket[] = [];
    try {
      const big = await raw(server.port, post('/slack/events', 100_000, fresh()));
      open.push(big.socket);
      await expect.poll(big.reply, { timeout: 2_000 }).toMatch(/^HTTP\/1\.1 413/);
      // 300 signed-looking requests, each declaring 60 KB and sending half: they cannot be checked
      // until whole, so they are read, but only as many as the 8 MB budget holds.
      const conns = await Promise.all(Array.from({ length: 300 }, () => raw(server.port, post('/slack/events', 60_000, fresh()) + 'x'.repeat(30_000))));
      open.push(...conns.map((c) => c.socket));
      await pause(1_000);
      const busy = conns.filter((c) => /^HTTP\/1\.1 503/.test(c.reply()));
      expect(busy.length).toBeGreaterThan(100);
      expect(busy.length).toBeLessThan(300);
      expect(busy[0]!.reply()).toMatch(/retry-after: 1/i);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      const rss = Number(/^process_resident_memory_bytes (\d+)/m.exec(metrics)![1]);
      expect(rss).toBeLessThan(250 * 1024 * 1024);
      expect(metrics).toMatch(/which_tool_requests_refused_total\{surface="slack",reason="busy"\} \d+/);
    } finally {
      for (const s of open) s.destroy();
      await server.stop();
    }
  });

  it('cuts off a client dribbling its headers within seconds, not half a minute', async () => {
    const server = await serve(slackEnv(db()));
    try {
      const c = await raw(server.port, 'POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      const drip = setInterval(() => c.socket.write('X-Drip: 1\r\n'), 300);
      const closedAfter = await Promise.race([c.closed, pause(12_000).then(() => Infinity)]);
      clearInterval(drip);
      c.socket.destroy();
      expect(closedAfter).toBeLessThan(9_000);
    } finally {
      await server.stop();
    }
  });

  it('takes at most 512 connections at once', async () => {
    const server = await serve(slackEnv(db()));
    const sockets: Socket[] = [];
    try {
      const conns = await Promise.all(Array.from({ length: 560 }, () => raw(server.port, '')));
      sockets.push(...conns.map((c) => c.socket));
      await pause(1_000);
      const closed = sockets.filter((s) => s.destroyed || s.readyState !== 'open').length;
      expect(closed).toBeGreaterThanOrEqual(40);
    } finally {
      for (const s of sockets) s.destroy();
      await server.stop();
    }
  });
});
