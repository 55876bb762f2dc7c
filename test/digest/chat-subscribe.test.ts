// Subscribing from chat, end to end: a signed `/whichtool digest …` through the real Bolt
// receiver and a Teams "@Which Tool digest …" through the real CloudAdapter, both on the real
// server with its SQLite store; then `digest run` posts the digests to the stand-ins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigestCommand } from '../../src/cli/digest.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/log/logger.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { shippedCatalog } from '../helpers/catalog.js';
import { BOT_ID, BOT_USER, CHANNEL, slashCommand, TEAM } from '../slack/helpers/payloads.js';
import { postToSlackRoute, SIGNING_SECRET } from '../slack/helpers/signed.js';
import { SlackStandIn } from '../slack/helpers/stand-in.js';
import { activity, BOT, Connector, message, post, TENANT } from '../teams/support.js';
import { tempDbPath } from './stand-ins.js';

let slack: SlackStandIn;
let connector: Connector;
let server: RunningServer;
let env: Record<string, string>;

beforeAll(async () => {
  slack = await new SlackStandIn().start();
  connector = await new Connector().start();
  env = {
    PORT: '0', HOST: '127.0.0.1', WHICH_TOOL_DB: tempDbPath(), WHICH_TOOL_SCHEDULER: 'off', WHICH_TOOL_LOG_LEVEL: 'silent',
    SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-chat-subscribe', SLACK_API_URL: slack.apiUrl, SLACK_BOT_ID: BOT_ID, SLACK_BOT_USER_ID: BOT_USER,
    // Teams from this machine without credentials, beside Slack: local mode, asked for.
    WHICH_TOOL_TEAMS_LOCAL: '1', WHICH_TOOL_RATE_LIMIT: '0',
  };
  server = await startServer({ config: loadConfig(env), catalog: shippedCatalog(), log: silentLogger() });
});
afterAll(async () => {
  await server?.stop();
  await connector?.stop();
  await slack?.stop?.();
});

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await runDigestCommand(args, { out: (s) => out.push(s), err: (s) => out.push(s) }, { env });
  return { code, out: out.join('\n') };
}
const subscriptions = async (): Promise<Record<string, unknown>[]> => JSON.parse((await cli('list', '--json')).out) as Record<string, unknown>[];

async function slash(text: string, name: string): Promise<string> {
  const res = await postToSlackRoute(server.url, slashCommand(text, slack.responseUrl(name)));
  expect(res.status).toBe(200);
  await expect.poll(() => slack.calls.some((c) => c.path.endsWith(`/response/${name}`)), { timeout: 5_000 }).toBe(true);
  return JSON.stringify(slack.calls.find((c) => c.path.endsWith(`/response/${name}`))!.body);
}

describe('chat-command subscription', () => {
  it('Slack: /whichtool digest sets, shows and stops the channel digest, and digest run posts it', async () => {
    expect(await slash('digest weekly monday 09:00 Europe/Berlin', 'set')).toContain('every Monday at 09:00 (Europe/Berlin)');
    expect(await subscriptions()).toEqual([expect.objectContaining({ platform: 'slack', workspace: TEAM, channel: CHANNEL, schedule: '0 9 * * 1', timeZone: 'Europe/Berlin' })]);
    expect(await slash('digest', 'show')).toContain('every Monday at 09:00 (Europe/Berlin)');
    const bad = await slash('digest fortnightly', 'bad');
    expect(bad).toContain('could not read that schedule');
    expect(bad).toContain('weekly monday 09:00 Europe/Berlin');

    const run = await cli('run', '--at', '2026-12-07T08:02:00Z');
    expect(run.out).toContain('1 sent');
    const posted = slack.named('chat.postMessage').filter((c) => c.body.channel === CHANNEL);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.authorization).toBe('Bearer xoxb-chat-subscribe');
    expect(JSON.stringify(posted[0]!.body.blocks)).toContain('Which Tool digest');

    // "daily 08:30" without a zone takes the user's zone from users.info (the stand-in says Berlin).
    expect(await slash('digest daily 08:30', 'daily')).toContain('every day at 08:30 (Europe/Berlin)');
    expect(slack.named('users.info').length).toBeGreaterThan(0);
    expect(await slash('digest off', 'off')).toContain('Digest off');
    expect((await subscriptions()).filter((s) => s.platform === 'slack')).toEqual([]);
  });

  it('Teams: "@Which Tool digest daily 08:30" in a channel subscribes it, and digest run posts an Adaptive Card there', async () => {
    const channelId = '19:general@thread.tacv2';
    // The install event names the channel itself; messages name their thread.
    const install = activity(connector.url, 'channel', { type: 'conversationUpdate', membersAdded: [BOT], conversation: { id: channelId, conversationType: 'channel', tenantId: TENANT, isGroup: true } });
    expect((await post(`${server.url}/api/messages`, install)).status).toBeLessThan(300);
    connector.clear();

    const res = await post(`${server.url}/api/messages`, message(connector.url, 'channel', 'digest daily 08:30'));
    expect(res.status).toBeLessThan(300);
    const reply = JSON.stringify(connector.received.at(-1)?.body);
    expect(reply).toContain('every day at 08:30');
    expect((await subscriptions()).filter((s) => s.platform === 'teams')).toEqual([expect.objectContaining({ platform: 'teams', workspace: TENANT, channel: channelId, schedule: '30 8 * * *' })]);

    connector.clear();
    const run = await cli('run', '--at', '2026-12-07T08:31:00Z');
    expect(run.out).toContain('1 sent');
    const sent = connector.received.filter((r) => r.conversationId === channelId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(sent[0]!.body.attachments?.[0]?.content)).toContain('Which Tool digest');

    const off = await post(`${server.url}/api/messages`, message(connector.url, 'channel', 'digest off'));
    expect(off.status).toBeLessThan(300);
    expect((await subscriptions()).filter((s) => s.platform === 'teams')).toEqual([]);
  });
});
