// Local stand-ins for the Slack Web API (chat.postMessage) and the Bot Connector (send to
// conversation), on 127.0.0.1:0. Each records what arrived and can answer with injected errors.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Received {
  readonly channel: string;
  readonly body: Record<string, unknown>;
  readonly authorization: string | undefined;
  readonly at: number;
}

/** What to answer one request with; undefined means "accept it". */
export type Injector = (channel: string, attempt: number, n: number, authorization?: string) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

export interface StandIn {
  readonly url: string;
  /** Accepted messages only. */
  readonly accepted: Received[];
  /** Every request, accepted or not. */
  requests: number;
  inject: Injector;
  /** Answer after this long, so that senders overlap. */
  delayMs: number;
  /** While set, requests wait for it: a starting gate, so that several senders are all under way. */
  hold: Promise<void> | null;
  /** The Authorization header of every request that arrived (before any hold). */
  readonly seen: Set<string>;
  /** conversations.history calls (Slack), and whether the app has the scope for them. */
  historyCalls: number;
  historyScope: boolean;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (s += c));
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });

async function start(handle: (req: IncomingMessage, res: ServerResponse, self: StandIn) => Promise<void>, path: string): Promise<StandIn> {
  const self: StandIn = { url: '', accepted: [], requests: 0, inject: () => undefined, delayMs: 0, hold: null, seen: new Set(), historyCalls: 0, historyScope: true, close: async () => undefined };
  const server: Server = createServer((req, res) => void handle(req, res, self).catch(() => res.writeHead(500).end()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(self, {
    url: `http://127.0.0.1:${port}${path}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  });
}

export function slackStandIn(): Promise<StandIn> {
  const attempts = new Map<string, number>();
  return start(async (req, res, self) => {
    const raw = await readBody(req);
    self.seen.add(req.headers.authorization ?? '');
    if (self.hold) await self.hold;
    const n = ++self.requests;
    if (self.delayMs) await new Promise((r) => setTimeout(r, self.delayMs));
    if (req.url?.endsWith('/conversations.history')) {
      self.historyCalls++;
      const channel = new URLSearchParams(raw).get('channel');
      const messages = self.accepted.filter((m) => m.channel === channel).map((m) => ({ type: 'message', text: m.body.text, metadata: m.body.metadata }));
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(self.historyScope ? { ok: true, messages: messages.reverse() } : { ok: false, error: 'missing_scope' }));
    }
    if (!req.url?.endsWith('/chat.postMessage')) return void res.writeHead(404).end();
    const body = JSON.parse(raw) as Record<string, unknown>;
    const channel = String(body.channel);
    const attempt = (attempts.get(channel) ?? 0) + 1;
    attempts.set(channel, attempt);
    const injected = self.inject(channel, attempt, n, req.headers.authorization);
    // Status 0: accept the message but never answer, as when the sender dies mid-request.
    if (injected?.status === 0) return void self.accepted.push({ channel, body, authorization: req.headers.authorization, at: Date.now() });
    if (injected) {
      res.writeHead(injected.status, { 'content-type': 'application/json', ...injected.headers });
      return void res.end(JSON.stringify(injected.body ?? { ok: false, error: 'ratelimited' }));
    }
    self.accepted.push({ channel, body, authorization: req.headers.authorization, at: Date.now() });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, channel, ts: `${Date.now()}.000${n}` }));
  }, '/api/');
}

export function teamsStandIn(): Promise<StandIn> {
  const attempts = new Map<string, number>();
  return start(async (req, res, self) => {
    const raw = await readBody(req);
    const n = ++self.requests;
    const m = /^\/v3\/conversations\/([^/]+)\/activities$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !m) return void res.writeHead(404).end();
    const channel = decodeURIComponent(m[1]!);
    const attempt = (attempts.get(channel) ?? 0) + 1;
    attempts.set(channel, attempt);
    const injected = self.inject(channel, attempt, n);
    if (injected) {
      res.writeHead(injected.status, { 'content-type': 'application/json', ...injected.headers });
      return void res.end(JSON.stringify(injected.body ?? { error: { code: 'Throttled' } }));
    }
    self.accepted.push({ channel, body: JSON.parse(raw) as Record<string, unknown>, authorization: req.headers.authorization, at: Date.now() });
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `activity-${n}` }));
  }, '');
}

export const tempDbPath = (): string => join(mkdtempSync(join(tmpdir(), 'which-tool-db-')), 'which-tool.db');

/** Messages per channel: exactly-once checks compare this against the live channels. */
export function perChannel(received: readonly Received[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of received) m.set(r.channel, (m.get(r.channel) ?? 0) + 1);
  return m;
}
