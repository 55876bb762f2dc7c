// Finding 9 (low): a correctly signed Slack request with a timestamp far in the future was
// accepted (SECURITY.md promised otherwise), and a captured request could be replayed for the
// whole 5-minute window. Now timestamps more than 5 minutes off either way are refused, and a
// signed request is accepted once.
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../digest/built-cli.js';
import { SECRETS } from '../ship/fixture.js';
import { slashCommand } from '../slack/helpers/payloads.js';
import { postToSlackRoute } from '../slack/helpers/signed.js';
import { SlackStandIn } from '../slack/helpers/stand-in.js';
import { baseEnv, scratch, serve } from './support.js';

const db = scratch();
beforeAll(() => ensureBuilt(), 120_000);

describe('signed Slack requests', () => {
  it('refuses a timestamp more than 5 minutes ahead, and the same signed request a second time', async () => {
    const slack = await new SlackStandIn().start();
    const server = await serve({ ...baseEnv(db()), HOST: '127.0.0.1', SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: slack.apiUrl, WHICH_TOOL_RATE_LIMIT: '0' });
    const secret = SECRETS.SLACK_SIGNING_SECRET;
    try {
      const now = Math.floor(Date.now() / 1000);
      const future = await postToSlackRoute(server.url, { ...slashCommand('a catchy jingle for a radio ad', slack.responseUrl('f')), secret, timestamp: now + 6 * 60 });
      expect(future.status).toBe(401);
      const nearFuture = await postToSlackRoute(server.url, { ...slashCommand('a catchy jingle for a radio ad', slack.responseUrl('n')), secret, timestamp: now + 60 });
      expect(nearFuture.status).toBe(200);

      const captured = { ...slashCommand('summarize 200 support tickets a day', slack.responseUrl('r')), secret, timestamp: now };
      expect((await postToSlackRoute(server.url, captured)).status).toBe(200);
      const replayed = await postToSlackRoute(server.url, captured);
      expect(replayed.status).toBe(401);
      expect(replayed.text).not.toContain('blocks');
      // A new request (Slack's own retries are new requests, signed when sent) is fine.
      expect((await postToSlackRoute(server.url, { ...slashCommand('summarize 200 support tickets a day', slack.responseUrl('r2')), secret })).status).toBe(200);
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(/which_tool_requests_refused_total\{surface="slack",reason="replayed"\} 1/);
      expect(metrics).toMatch(/which_tool_requests_refused_total\{surface="slack",reason="stale"\} 1/);
    } finally {
      await server.stop();
      await slack.stop();
    }
  });
});
