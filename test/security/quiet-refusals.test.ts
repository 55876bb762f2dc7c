// Findings 12 and 13 (low): /healthz said nothing about the store; at debug, Slack Web API
// responses were logged whole, user profiles included; and every refused request cost an info
// line (and Bolt's warning) each, so unauthenticated noise filled the log. Now /healthz carries
// "store": "ok" | "unavailable" (the contract), API responses are logged as their outcome only,
// and refusals are counted by reason and logged at debug.
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../digest/built-cli.js';
import { SECRETS } from '../ship/fixture.js';
import { slashCommand } from '../slack/helpers/payloads.js';
import { postToSlackRoute } from '../slack/helpers/signed.js';
import { SlackStandIn } from '../slack/helpers/stand-in.js';
import { message, post } from '../teams/support.js';
import { baseEnv, records, scratch, serve } from './support.js';

const db = scratch();
beforeAll(() => ensureBuilt(), 120_000);

const PROFILE = { real_name: 'Dana Lee-Profile', email: 'dana.lee@acme.example', phone: '+1 555 0100', title: 'Head of Secret Projects' };

describe('what the server says about itself', () => {
  it('reports the store in /healthz and keeps user profiles out of debug logs', async () => {
    const slack = await new SlackStandIn().start();
    slack.answers['users.info'] = (c) => ({ ok: true, user: { id: c.body.user, tz: 'Europe/Berlin', real_name: PROFILE.real_name, profile: PROFILE } });
    const server = await serve({ ...baseEnv(db()), HOST: '127.0.0.1', SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: slack.apiUrl, WHICH_TOOL_LOG_LEVEL: 'debug' });
    try {
      expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ status: 'ok', store: 'ok' });
      await postToSlackRoute(server.url, { ...slashCommand('digest', slack.responseUrl('d')), secret: SECRETS.SLACK_SIGNING_SECRET });
      await slack.waitFor('response_url');
      await slack.waitFor('users.info');
    } finally {
      await server.stop();
      await slack.stop();
    }
    const out = server.output();
    expect(out).toContain('http request result: {\\"ok\\":true}');
    for (const v of Object.values(PROFILE)) expect(out).not.toContain(v);
  });

  it('counts refused requests by reason and logs them at debug only, not once per request at info', async () => {
    const server = await serve({ ...baseEnv(db()), HOST: '127.0.0.1', SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: 'http://127.0.0.1:9/api/', SLACK_BOT_ID: 'B0BOT', SLACK_BOT_USER_ID: 'U0BOT', MICROSOFT_APP_ID: '00000000-0000-4000-8000-000000000001', MICROSOFT_APP_PASSWORD: SECRETS.MICROSOFT_APP_PASSWORD });
    try {
      for (let i = 0; i < 10; i++) {
        expect((await postToSlackRoute(server.url, { ...slashCommand(`noise ${i}`, 'http://127.0.0.1:9/r'), secret: 'not-the-secret' })).status).toBe(401);
        expect((await postToSlackRoute(server.url, { ...slashCommand(`stale ${i}`, 'http://127.0.0.1:9/r'), secret: SECRETS.SLACK_SIGNING_SECRET, timestamp: Math.floor(Date.now() / 1000) - 3_600 })).status).toBe(401);
        expect((await fetch(`${server.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"event_callback"}' })).status).toBe(401);
        expect((await post(`${server.url}/api/messages`, message('http://127.0.0.1:9/', 'personal', 'hi'))).status).toBe(401);
        expect((await fetch(`${server.url}/wp-login.php`)).status).toBe(404);
      }
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      for (const [surface, reason] of [['slack', 'bad_signature'], ['slack', 'stale'], ['slack', 'unsigned'], ['teams', 'unauthorized'], ['none', 'not_found']])
        expect(metrics).toMatch(new RegExp(`which_tool_requests_refused_total\\{surface="${surface}",reason="${reason}"\\} 10`));
    } finally {
      await server.stop();
    }
    // At the default level (info), fifty refusals wrote nothing at all.
    const lines = records(server.output()).filter((l) => l.msg === 'request' || l.component === 'bolt');
    expect(lines).toEqual([]);
  });
});
