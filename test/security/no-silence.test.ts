// Finding 15: no failure may reach nobody. A Slack mention or direct message whose answer could
// not be posted left the person in silence (now: a short apology in the same place), and the
// Teams reply client had no timeout (now: 5 s, and the turn ends instead of hanging). The daily
// prune's failures are said in the log (test/ship/store-faults.test.ts).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../digest/built-cli.js';
import { SECRETS } from '../ship/fixture.js';
import { BOT_USER, CHANNEL, event, USER } from '../slack/helpers/payloads.js';
import { postToSlackRoute } from '../slack/helpers/signed.js';
import { SlackStandIn } from '../slack/helpers/stand-in.js';
import { message, post } from '../teams/support.js';
import { baseEnv, records, scratch, serve } from './support.js';

const db = scratch();
beforeAll(() => ensureBuilt(), 120_000);

describe('a failed answer', () => {
  it('in Slack becomes a short apology where the person asked, for a mention and a direct message', async () => {
    const slack = await new SlackStandIn().start();
    // Slack refuses the card (as it does a message it cannot render), but takes plain text.
    slack.answers['chat.postMessage'] = (c) => (c.body.blocks ? { ok: false, error: 'invalid_blocks' } : { ok: true, channel: c.body.channel, ts: '1.9' });
    const server = await serve({ ...baseEnv(db()), HOST: '127.0.0.1', SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: slack.apiUrl, SLACK_BOT_USER_ID: BOT_USER, SLACK_BOT_ID: 'B0WHICHBOT' });
    const signed = { secret: SECRETS.SLACK_SIGNING_SECRET };
    try {
      await postToSlackRoute(server.url, { ...event({ type: 'app_mention', user: USER, text: `<@${BOT_USER}> a catchy jingle for a radio ad`, ts: '1700000000.000700', channel: CHANNEL }), ...signed });
      await postToSlackRoute(server.url, { ...event({ type: 'message', channel_type: 'im', channel: 'D0DM7', user: USER, text: 'a catchy jingle for a radio ad', ts: '1700000000.000800' }), ...signed });
      const calls = await slack.waitFor('chat.postMessage', 4);
      const apologies = calls.filter((c) => !c.body.blocks);
      expect(apologies.map((c) => [c.body.channel, c.body.thread_ts])).toEqual(expect.arrayContaining([[CHANNEL, '1700000000.000700'], ['D0DM7', undefined]]));
      for (const a of apologies) expect(a.body.text).toBe('Sorry, I could not answer that just now. Please try again in a moment.');
    } finally {
      await server.stop();
      await slack.stop();
    }
    expect(records(server.output()).filter((r) => r.msg === 'Slack: answer not posted; sending an apology')).toHaveLength(2);
  });

  it('in Teams ends the turn when the connector does not answer, instead of hanging', async () => {
    // A connector that accepts the connection and never answers.
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const connectorUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    const server = await serve({ ...baseEnv(db()), WHICH_TOOL_RATE_LIMIT: '0' });
    try {
      const t0 = Date.now();
      const res = await post(`${server.url}/api/messages`, message(connectorUrl, 'personal', 'a catchy jingle for a radio ad'));
      expect(res.status).toBe(200);
      expect(Date.now() - t0).toBeLessThan(9_000);
      expect(records(server.output()).some((r) => r.msg === 'teams turn failed' && JSON.stringify(r.err).includes('did not answer within 5 s'))).toBe(true);
    } finally {
      await server.stop();
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  }, 20_000);
});
