// A local stand-in for Slack's Web API and for response_url: records every call and answers
// like Slack would. Tests point SLACK_API_URL and response_url here. It also plays Slack's
// side of the OAuth install flow (stand-in-oauth.ts): oauth.v2.access and auth.test for the
// tokens it hands out.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StandInOAuth } from './stand-in-oauth.js';

export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url` for response URL posts. */
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly body: Record<string, unknown>;
}

const JSONISH = new Set(['blocks', 'view', 'attachments']);

function parseBody(req: IncomingMessage, raw: string): Record<string, unknown> {
  if ((req.headers['content-type'] ?? '').includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = JSONISH.has(k) ? JSON.parse(v) : v;
  return out;
}

export type Answer = (call: RecordedCall) => Record<string, unknown>;

const DEFAULT_ANSWERS: Record<string, Answer> = {
  'auth.test': () => ({ ok: true, user_id: 'UBOTLEARNED', bot_id: 'BBOTLEARNED', team_id: 'T1' }),
  'chat.postMessage': (c) => ({ ok: true, channel: c.body.channel, ts: '1700000000.000200' }),
  'chat.postEphemeral': () => ({ ok: true, message_ts: '1700000000.000300' }),
  'views.open': () => ({ ok: true, view: { id: 'VOPENED' } }),
  'views.update': () => ({ ok: true, view: { id: 'VUPDATED' } }),
  'views.publish': () => ({ ok: true, view: { id: 'VHOME' } }),
  'users.info': (c) => ({ ok: true, user: { id: c.body.user, tz: 'Europe/Berlin' } }),
};

export class SlackStandIn {
  readonly calls: RecordedCall[] = [];
  readonly answers: Record<string, Answer> = { ...DEFAULT_ANSWERS };
  readonly oauth = new StandInOAuth();
  /** Milliseconds a method takes to answer, to let requests overlap. */
  readonly delays: Record<string, number> = {};
  private server!: Server;
  url = '';

  constructor() {
    const authTest = this.answers['auth.test']!;
    this.answers['auth.test'] = (c) => this.oauth.authTest(c) ?? authTest(c);
    this.answers['oauth.v2.access'] = (c) => this.oauth.access(c);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (raw += c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const method = path.startsWith('/api/') ? path.slice('/api/'.length).split('?')[0]! : 'response_url';
        const call: RecordedCall = {
          method,
          path,
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
          body: parseBody(req, raw),
        };
        this.calls.push(call);
        const answer = this.answers[method];
        const reply = (): void => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer ? answer(call) : method === 'response_url' ? { ok: true } : { ok: false, error: 'unknown_method' }));
        };
        const delay = this.delays[method];
        if (delay) setTimeout(reply, delay);
        else reply();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(name: string): string {
    return `${this.url}/response/${name}`;
  }

  named(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Web API calls made with this token (any method but the OAuth exchange). */
  withToken(token: string): RecordedCall[] {
    return this.calls.filter((c) => c.authorization === `Bearer ${token}`);
  }

  /** Waits until `count` calls of `method` have arrived (Slack calls happen after the ack). */
  async waitFor(method: string, count = 1, timeoutMs = 5_000): Promise<RecordedCall[]> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const found = this.named(method);
      if (found.length >= count) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`expected ${count} ${method} call(s), got ${this.named(method).length}: ${this.calls.map((c) => c.method).join(', ')}`);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
