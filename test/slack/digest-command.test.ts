// `/whichtool digest …` through the whole server as deployed (SQLite store, digest module on):
// the subscription lands in the database with the user's time zone from users.info.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/log/logger.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { SlackStandIn } from './helpers/stand-in.js';
import { testCatalog } from './helpers/server.js';
import { BOT_ID, BOT_USER, USER, slashCommand } from './helpers/payloads.js';
import { SIGNING_SECRET, postToSlackRoute } from './helpers/signed.js';

let slack: SlackStandIn;
let server: RunningServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'which-tool-slack-'));
  slack = await new SlackStandIn().start();
  const config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: slack.apiUrl, SLACK_BOT_ID: BOT_ID, SLACK_BOT_USER_ID: BOT_USER,
    WHICH_TOOL_DB: join(dir, 'which-tool.db'), WHICH_TOOL_SCHEDULER: 'off', WHICH_TOOL_LOG_LEVEL: 'silent',
  });
  server = await startServer({ config, catalog: testCatalog(), log: silentLogger() });
});
afterAll(async () => {
  await server.stop();
  await slack.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('/whichtool digest with the digest module on', () => {
  it('acks at once, looks up the time zone, and answers through response_url', async () => {
    const res = await postToSlackRoute(server.url, slashCommand('digest weekly monday 09:00', slack.responseUrl('dg')));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const [info] = await slack.waitFor('users.info');
    expect(info!.body.user).toBe(USER);
    const [reply] = await slack.waitFor('response_url');
    const text = JSON.stringify(reply!.body);
    expect(text).toContain('Digest on');
    expect(text).toMatch(/CET|CEST|GMT\+1|GMT\+2/);
  });

  it('shows and stops the channel’s digest', async () => {
    slack.calls.length = 0;
    await postToSlackRoute(server.url, slashCommand('digest', slack.responseUrl('show')));
    await postToSlackRoute(server.url, slashCommand('digest off', slack.responseUrl('off')));
    const replies = await slack.waitFor('response_url', 2);
    const off = replies.find((r) => r.path.endsWith('/off'))!;
    expect(JSON.stringify(off.body)).toContain('Digest off');
  });
});
