// Operations on the real server: request ids and one access line per request (never the body),
// /metrics in Prometheus format, the request-size limit on both endpoints, graceful stop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/core/catalog.js';
import { postToSlackRoute, slackSignature } from '../slack/helpers/signed.js';
import { event, slashCommand } from '../slack/helpers/payloads.js';
import { message, post } from '../teams/support.js';
import { SECRETS, slowPost, startShipped, type Shipped } from './fixture.js';

let s: Shipped;
const catalog = loadCatalog();
const signed = { secret: SECRETS.SLACK_SIGNING_SECRET };

beforeAll(async () => {
  s = await startShipped();
});
afterAll(() => s.stop());

const metric = (text: string, name: string, labels: Record<string, string> = {}): number => {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(name) && !l.startsWith('#') && want.every((w) => l.includes(w)) && /^[^{ ]+(\{[^}]*\})? /.test(l) && l.split(/[{ ]/)[0] === name);
  return line ? Number(line.split(' ').at(-1)) : 0;
};
const scrape = async (): Promise<string> => (await fetch(`${s.server.url}/metrics`)).text();

describe('request ids and access logs', () => {
  it('gives every request an id, echoes it, and logs method, route, status and ms but never the body', async () => {
    const text = 'storyboard frames for a zebra-striped lighthouse 4711';
    const res = await fetch(`${s.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message(s.connector.url, 'personal', text)),
    });
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    const line = s.logs().find((l) => l.msg === 'request' && l.reqId === id)!;
    expect(line).toMatchObject({ method: 'POST', route: '/api/messages', surface: 'teams', status: 200, level: 30 });
    expect(typeof line.ms).toBe('number');
    expect(s.lines.join('\n')).not.toContain('zebra-striped');
  });

  it("keeps a caller's plain X-Request-Id and replaces one that could forge log lines", async () => {
    const kept = await fetch(`${s.server.url}/healthz`, { headers: { 'x-request-id': 'lb-1234.abc' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-1234.abc');
    const replaced = await fetch(`${s.server.url}/healthz`, { headers: { 'x-request-id': 'x","level":60,"msg":"forged' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('names the request in lines the surfaces write while serving it', async () => {
    // Slack redelivers an event; the surface logs the skip while serving the second delivery.
    const e = event({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0HOME', tab: 'messages' }, 'EvSHIPREQID1');
    await postToSlackRoute(s.server.url, { ...e, ...signed });
    // Slack's redelivery is a new request, signed when it is sent.
    const ts = Math.floor(Date.now() / 1000) + 1;
    const res = await fetch(`${s.server.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': e.contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(e.body, ts, SECRETS.SLACK_SIGNING_SECRET), 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      body: e.body,
    });
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id')!;
    await expect.poll(() => s.logs().filter((l) => l.reqId === id).map((l) => l.msg)).toContain('redelivered Slack event skipped');
  });

  it('names the request in a Teams turn failure, and only that request', async () => {
    const send = () =>
      fetch(`${s.server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message(s.connector.url, 'personal', 'a catchy jingle for a radio ad')),
      });
    s.connector.failNext = 1;
    const failed = await send();
    const fine = await send();
    expect([failed.status, fine.status]).toEqual([200, 200]);
    const linesOf = (res: Response) => () => s.logs().filter((l) => l.reqId === res.headers.get('x-request-id')).map((l) => l.msg);
    await expect.poll(linesOf(failed)).toEqual(['teams turn failed', 'request']);
    await expect.poll(linesOf(fine)).toEqual(['request']);
  });
});

describe('/metrics', () => {
  it('counts requests by surface, route and status class', async () => {
    const before = await scrape();
    const r = await postToSlackRoute(s.server.url, { ...slashCommand('a podcast intro jingle', s.slack.responseUrl('m1')), ...signed });
    expect(r.status).toBe(200);
    const bad = await postToSlackRoute(s.server.url, { ...slashCommand('x', s.slack.responseUrl('m2')), secret: 'wrong' });
    expect(bad.status).toBe(401);
    await fetch(`${s.server.url}/no/such/path`);
    const after = await scrape();
    const slack2xx = { surface: 'slack', route: '/slack/events', status_class: '2xx' };
    const slack4xx = { ...slack2xx, status_class: '4xx' };
    const unmatched = { surface: 'none', route: 'unmatched', status_class: '4xx' };
    expect(metric(after, 'which_tool_http_requests_total', slack2xx) - metric(before, 'which_tool_http_requests_total', slack2xx)).toBe(1);
    expect(metric(after, 'which_tool_http_requests_total', slack4xx) - metric(before, 'which_tool_http_requests_total', slack4xx)).toBe(1);
    expect(metric(after, 'which_tool_http_requests_total', unmatched) - metric(before, 'which_tool_http_requests_total', unmatched)).toBe(1);
    expect(metric(after, 'which_tool_http_request_duration_seconds_count', { surface: 'slack' })).toBeGreaterThanOrEqual(2);
  });

  it('has an answer-latency histogram fed by every surface, and the catalog version', async () => {
    const count = async (): Promise<number> => {
      const t = await scrape();
      return metric(t, 'which_tool_answer_duration_seconds_count', { outcome: 'recommended' }) + metric(t, 'which_tool_answer_duration_seconds_count', { outcome: 'nothing_fits' });
    };
    const c0 = await count();
    await postToSlackRoute(s.server.url, { ...slashCommand('summarize 200 support tickets a day', s.slack.responseUrl('m3')), ...signed });
    const c1 = await count();
    await post(`${s.server.url}/api/messages`, message(s.connector.url, 'personal', 'a 3d model of our product'));
    const c2 = await count();
    expect(c1).toBeGreaterThan(c0);
    expect(c2).toBeGreaterThan(c1);
    const text = await scrape();
    expect(text).toContain('# TYPE which_tool_answer_duration_seconds histogram');
    expect(text).toMatch(/which_tool_answer_duration_seconds_bucket\{le="0.005",outcome="recommended"\} \d+/);
    expect(metric(text, 'which_tool_catalog_info', { version: catalog.version, as_of: catalog.asOf })).toBe(1);
    for (const name of ['which_tool_digest_deliveries_total', 'which_tool_digest_failures_total', 'process_resident_memory_bytes']) expect(text).toContain(`# TYPE ${name}`);
  });
});

describe('request-size limit', () => {
  const big = 'x'.repeat(600 * 1024);

  it('refuses a body over the limit on the Slack endpoint with 413', async () => {
    const body = new URLSearchParams({ command: '/whichtool', text: big }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`${s.server.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(body, ts, SECRETS.SLACK_SIGNING_SECRET) },
      body,
    });
    expect(res.status).toBe(413);
  });

  it('refuses a body over the limit on the Teams endpoint with 413', async () => {
    const res = await fetch(`${s.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message(s.connector.url, 'personal', big)),
    });
    expect(res.status).toBe(413);
  });

  it('refuses a chunked body (no declared length) on both endpoints with 411', async () => {
    for (const path of ['/slack/events', '/api/messages']) {
      const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('{}')), c.close()) });
      const res = await fetch(`${s.server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
      expect(res.status, path).toBe(411);
    }
  });

  it('still answers a body just under the limit', async () => {
    const text = 'a jingle for our shop '.repeat(100);
    const r = await post(`${s.server.url}/api/messages`, message(s.connector.url, 'personal', text));
    expect(r.status).toBe(200);
  });
});

describe('graceful stop', () => {
  it('stops accepting, finishes the request in flight, then closes the store', async () => {
    const own = await startShipped();
    const url = `${own.server.url}/api/messages`;
    const inFlight = slowPost(url, JSON.stringify(message(own.connector.url, 'personal', 'write release notes for 40 tickets')));
    await inFlight.started;
    await new Promise((r) => setTimeout(r, 100));
    const stopping = own.server.stop(5_000);
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 100));
    await expect(fetch(`${own.server.url}/healthz`)).rejects.toThrow();
    expect(stopped).toBe(false);
    inFlight.finish();
    expect((await inFlight.response).status).toBe(200);
    await stopping;
    expect(own.connector.received.length).toBeGreaterThan(0);
    await own.stop();
  });

  it('cuts off a request that never finishes after the grace, so stop still returns', async () => {
    const own = await startShipped();
    const stalled = slowPost(`${own.server.url}/api/messages`, JSON.stringify(message(own.connector.url, 'personal', 'never finished')));
    await stalled.started;
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    await own.server.stop(500);
    expect(Date.now() - t0).toBeLessThan(3_000);
    await expect(stalled.response).rejects.toThrow();
    await own.stop();
  });
});
