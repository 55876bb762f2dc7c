// Requests not signed by Slack, or replayed later than 5 minutes, are refused with 401 and
// nothing is processed: no answer, no Slack call, nothing stored.
import { describe, expect, it } from 'vitest';
import { useSlackServer } from './helpers/server.js';
import { BOT_USER, CHANNEL, USER, blockAction, event, messageShortcut, slashCommand } from './helpers/payloads.js';
import { postToSlackRoute, slackSignature } from './helpers/signed.js';

const env = useSlackServer();

const settle = () => new Promise((r) => setTimeout(r, 200));

const requests = () => [
  slashCommand('300 product shots a month', 'http://placeholder'),
  blockAction({ actionId: 'share', value: JSON.stringify({ q: 'a jingle' }), responseUrl: 'http://placeholder' }),
  event({ type: 'app_mention', user: USER, text: `<@${BOT_USER}> a jingle`, ts: '1.1', channel: CHANNEL }),
  messageShortcut('make a logo'),
];

function withStandIn<T extends { body: string }>(p: T): T {
  return { ...p, body: p.body.replace(/http%3A%2F%2Fplaceholder|http:\/\/placeholder/g, (m) => (m.includes('%') ? encodeURIComponent(env.slack.responseUrl('x')) : env.slack.responseUrl('x'))) };
}

describe('request signing', () => {
  it('refuses a wrong signature with 401 and processes nothing', async () => {
    const before = { requests: env.app.store.requests.length, feedback: env.app.store.feedback.length };
    for (const p of requests()) {
      const res = await postToSlackRoute(env.app.server.url, { ...withStandIn(p), secret: 'not-the-signing-secret' });
      expect(res.status).toBe(401);
    }
    const tampered = withStandIn(requests()[0]!);
    const ts = Math.floor(Date.now() / 1000);
    const res = await postToSlackRoute(env.app.server.url, { ...tampered, timestamp: ts, signature: slackSignature(tampered.body + 'x', ts) });
    expect(res.status).toBe(401);
    const missing = await fetch(`${env.app.server.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"url_verification","challenge":"c"}' });
    expect(missing.status).toBe(401);
    expect(await missing.text()).not.toContain('"c"');
    await settle();
    expect(env.slack.calls).toHaveLength(0);
    expect(env.app.store.requests.length).toBe(before.requests);
    expect(env.app.store.feedback.length).toBe(before.feedback);
  });

  it('refuses a correctly signed request older than 5 minutes with 401 and processes nothing', async () => {
    const before = env.app.store.requests.length;
    const old = Math.floor(Date.now() / 1000) - 5 * 60 - 10;
    for (const p of requests()) {
      const res = await postToSlackRoute(env.app.server.url, { ...withStandIn(p), timestamp: old });
      expect(res.status).toBe(401);
    }
    await settle();
    expect(env.slack.calls).toHaveLength(0);
    expect(env.app.store.requests.length).toBe(before);
  });

  it("answers Slack's unsigned ssl_check with 200 and ignores anything smuggled in with it", async () => {
    const before = env.app.store.requests.length;
    const smuggled = new URLSearchParams({ ssl_check: '1', token: 'x', command: '/whichtool', text: 'a jingle', user_id: USER, channel_id: CHANNEL, response_url: env.slack.responseUrl('x') });
    const res = await fetch(`${env.app.server.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: smuggled.toString() });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await settle();
    expect(env.slack.calls).toHaveLength(0);
    expect(env.app.store.requests.length).toBe(before);
  });

  it('survives a client that hangs up halfway through the body, and serves the next request', async () => {
    const { request } = await import('node:http');
    const url = new URL(`${env.app.server.url}/slack/events`);
    await new Promise<void>((done) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '1000' } });
      req.on('error', () => done());
      req.write('{"type":"url_verification",', () => setTimeout(() => { req.destroy(); done(); }, 50));
    });
    const res = await postToSlackRoute(env.app.server.url, withStandIn(requests()[0]!));
    expect(res.status).toBe(200);
  });

  it('accepts the same requests when signed correctly and fresh (the refusals above are about the signature)', async () => {
    const res = await postToSlackRoute(env.app.server.url, withStandIn(requests()[0]!));
    expect(res.status).toBe(200);
    expect(env.app.store.requests.length).toBeGreaterThan(0);
  });

  it('answers malformed bodies with a client error, never a crash or internals', async () => {
    for (const body of ['payload=%7Bnot-json', '{"type":', 'payload=' + encodeURIComponent(JSON.stringify({ type: 'block_actions' }))]) {
      const json = body.startsWith('{');
      const res = await postToSlackRoute(env.app.server.url, { body, contentType: json ? 'application/json' : 'application/x-www-form-urlencoded' });
      expect(res.status).toBeLessThan(500);
      expect(res.text).not.toMatch(/at .*\.js:\d+|stack/i);
    }
    const health = await fetch(`${env.app.server.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
