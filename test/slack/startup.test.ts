// Start-up when Slack can't be reached, without the bot's ids, and in Socket Mode: the server
// starts, stays healthy, acks slash commands, and stops without hanging.
import { afterEach, describe, expect, it } from 'vitest';
import { SlackStandIn } from './helpers/stand-in.js';
import { startSlackServer, type SlackTestServer } from './helpers/server.js';
import { slashCommand } from './helpers/payloads.js';
import { postToSlackRoute } from './helpers/signed.js';
import { freePort } from '../helpers/free-port.js';

/** A URL nothing listens on: a port taken and released again. */
async function deadUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}/api/`;
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function started(apiUrl: string, env: Record<string, string>): Promise<SlackTestServer> {
  const t0 = Date.now();
  const app = await startSlackServer(apiUrl, env);
  cleanup.push(() => app.stop());
  expect(Date.now() - t0).toBeLessThan(5_000);
  return app;
}

describe('start-up', () => {
  it('starts and acks slash commands when the Slack API is unreachable and the bot ids are not set', async () => {
    const app = await started(await deadUrl(), { SLACK_BOT_ID: '', SLACK_BOT_USER_ID: '' });
    expect((await fetch(`${app.server.url}/healthz`)).status).toBe(200);
    const responses = await new SlackStandIn().start();
    cleanup.push(() => responses.stop());
    const res = await postToSlackRoute(app.server.url, slashCommand('a catchy jingle for a radio ad', responses.responseUrl('r')));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toMatch(/audio/i);
  });

  it('learns the bot ids from auth.test in the background when they are not set', async () => {
    const slack = await new SlackStandIn().start();
    cleanup.push(() => slack.stop());
    await started(slack.apiUrl, { SLACK_BOT_ID: '', SLACK_BOT_USER_ID: '' });
    const [call] = await slack.waitFor('auth.test');
    expect(call!.authorization).toBe('Bearer xoxb-test-token');
  });

  it('does not call auth.test at all when the bot ids are configured', async () => {
    const slack = await new SlackStandIn().start();
    cleanup.push(() => slack.stop());
    const app = await started(slack.apiUrl, {});
    await postToSlackRoute(app.server.url, slashCommand('a jingle', slack.responseUrl('r')));
    await new Promise((r) => setTimeout(r, 100));
    expect(slack.named('auth.test')).toHaveLength(0);
  });

  it('in Socket Mode with Slack unreachable: no /slack/events route, healthy, stops promptly', async () => {
    const app = await started(await deadUrl(), { SLACK_APP_TOKEN: 'xapp-1-test' });
    expect((await fetch(`${app.server.url}/healthz`)).status).toBe(200);
    const res = await fetch(`${app.server.url}/slack/events`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(404);
    const t0 = Date.now();
    await cleanup.pop()!();
    expect(Date.now() - t0).toBeLessThan(3_000);
  });
});
