// Secrets never reach the logs: the built server runs with known secret values at debug level
// (the most verbose), takes signed, badly signed and stale Slack requests and Teams activities
// with and without tokens, and a bad configuration fails to start; every byte it writes to
// stdout and stderr is then scanned for the secrets. At info level, request text stays out too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../digest/built-cli.js';
import { event, slashCommand } from '../slack/helpers/payloads.js';
import { postToSlackRoute } from '../slack/helpers/signed.js';
import { SlackStandIn } from '../slack/helpers/stand-in.js';
import { MicrosoftStandIn } from '../teams/microsoft-stand-in.js';
import { Connector, message, post } from '../teams/support.js';
import { SECRETS } from './fixture.js';
import { runToExit, startServerProcess, type ServerProcess } from './server-process.js';

const MAIN = join(ROOT, 'dist', 'src', 'server', 'main.js');
const APP_ID = '00000000-0000-4000-8000-00000000a1b2';
const dir = mkdtempSync(join(tmpdir(), 'which-tool-secrets-'));
const QUERY = 'translate 30 quarterly reports into Portuguese for the lighthouse team';
let slack: SlackStandIn;
let connector: Connector;
let microsoft: MicrosoftStandIn;

const baseEnv = (): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  PORT: '0',
  HOST: '127.0.0.1',
  ...SECRETS,
  SLACK_API_URL: slack.apiUrl,
  MICROSOFT_APP_ID: APP_ID,
  // Bot Framework signing keys and the bot's own token come from a stand-in on this machine.
  MICROSOFT_OPENID_METADATA_URL: microsoft.openIdMetadataUrl,
  MICROSOFT_LOGIN_URL: microsoft.loginUrl,
  WHICH_TOOL_DB: join(dir, 'which-tool.db'),
});

/** Every form a secret could take in a log line: as is, JSON-escaped, base64. */
function leaks(output: string): string[] {
  return Object.entries(SECRETS)
    .filter(([, value]) => [value, JSON.stringify(value).slice(1, -1), Buffer.from(value).toString('base64'), value.slice(-12)].some((v) => output.includes(v)))
    .map(([name]) => name);
}

async function traffic(server: ServerProcess): Promise<void> {
  const signed = { secret: SECRETS.SLACK_SIGNING_SECRET };
  expect((await postToSlackRoute(server.url, { ...slashCommand(QUERY, slack.responseUrl('ok')), ...signed })).status).toBe(200);
  expect((await postToSlackRoute(server.url, { ...event({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0HOME', tab: 'home' }), ...signed })).status).toBe(200);
  expect((await postToSlackRoute(server.url, { ...slashCommand(QUERY, slack.responseUrl('bad')), secret: 'not-the-secret' })).status).toBe(401);
  const stale = Math.floor(Date.now() / 1000) - 600;
  expect((await postToSlackRoute(server.url, { ...slashCommand(QUERY, slack.responseUrl('stale')), ...signed, timestamp: stale })).status).toBe(401);
  // Teams with an app id: an activity without a Bot Framework token, or with a forged one, is refused.
  const activity = message(connector.url, 'personal', QUERY);
  expect((await post(`${server.url}/api/messages`, activity)).status).toBe(401);
  const forged = `Bearer eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ aud: APP_ID, iss: 'https://api.botframework.com' })).toString('base64url')}.c2ln`;
  const refused = await post(`${server.url}/api/messages`, activity, { authorization: forged });
  expect(refused.status).toBe(401);
  expect(refused.text).not.toContain('Bearer');
  expect(connector.received).toHaveLength(0);
}

beforeAll(async () => {
  ensureBuilt();
  slack = await new SlackStandIn().start();
  connector = await new Connector().start();
  microsoft = await new MicrosoftStandIn().start();
}, 120_000);
afterAll(async () => {
  await microsoft.stop();
  await slack.stop();
  await connector.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('secrets in the logs', () => {
  it('the scan finds a secret however it is written', () => {
    expect(leaks(`{"msg":"x","t":"${SECRETS.SLACK_BOT_TOKEN}"}`)).toEqual(['SLACK_BOT_TOKEN']);
    expect(leaks(Buffer.from(SECRETS.MICROSOFT_APP_PASSWORD).toString('base64'))).toEqual(['MICROSOFT_APP_PASSWORD']);
    expect(leaks('nothing here')).toEqual([]);
  });

  it('never writes a secret, even at debug level, whatever the traffic', async () => {
    const server = await startServerProcess(MAIN, ROOT, { ...baseEnv(), WHICH_TOOL_LOG_LEVEL: 'debug' });
    try {
      await traffic(server);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
    const out = server.output();
    expect(out).toContain('"level":20'); // debug lines were written, so the scan covered them
    expect(out).toContain('"status":401');
    expect(leaks(out)).toEqual([]);
    // The bot token did reach the Slack stand-in, so it was in use, just not in the logs.
    expect(slack.calls.some((c) => c.authorization?.includes(SECRETS.SLACK_BOT_TOKEN))).toBe(true);
  });

  it('keeps request text out of logs at info level', async () => {
    const server = await startServerProcess(MAIN, ROOT, { ...baseEnv(), WHICH_TOOL_LOG_LEVEL: 'info' });
    try {
      await traffic(server);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    const out = server.output();
    expect(out).toContain('"msg":"request"');
    expect(out).not.toContain('lighthouse');
    expect(leaks(out)).toEqual([]);
  });

  it('names the bad variable, never its value, when the configuration is wrong', async () => {
    const cases: Record<string, string>[] = [
      { ...baseEnv(), SLACK_BOT_TOKEN: `not-a-token-${SECRETS.SLACK_BOT_TOKEN}` },
      { ...baseEnv(), SLACK_BOT_TOKEN: '' },
      { ...baseEnv(), PORT: SECRETS.MICROSOFT_APP_PASSWORD },
    ];
    for (const env of cases) {
      const r = await runToExit(process.execPath, [MAIN], ROOT, env);
      expect(r.code).toBe(1);
      expect(r.out.trim().split('\n')).toHaveLength(1);
      expect(r.out).toMatch(/^which-tool: configuration: (SLACK_BOT_TOKEN|PORT) /);
      expect(leaks(r.out)).toEqual([]);
    }
  });
});
