// No token or secret leaves the process in OAuth mode: the built server runs at debug level (the
// Web API client then logs every request body) through installs, a token refresh, failed
// callbacks, signed and badly signed requests, and an uninstall; every byte of its output is
// scanned for the OAuth secrets, the encryption key and every code and token Slack handed out.
// The database file holds the tokens only encrypted.
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNING_SECRET, postToSlackRoute } from '../helpers/signed.js';
import { callback, ensureBuilt, install, oauthEnv, openInstallPage, SECRET_KEY, startOAuthServer, STATE_SECRET, stopServer } from '../helpers/oauth.js';
import { OAUTH_CLIENT, type StandInWorkspace } from '../helpers/stand-in-oauth.js';
import { SlackStandIn } from '../helpers/stand-in.js';
import { buttonFrom, commandFrom, from, homeOpenedFrom, mentionFrom, tokensRevokedFrom, uninstalledFrom } from '../helpers/workspaces.js';

const ACME: StandInWorkspace = { teamId: 'T0ACME', teamName: 'Acme', botUserId: 'U0BOTACME', botId: 'B0BOTACME', expiresIn: 3_600 };
const GLOBEX: StandInWorkspace = { teamId: 'T0GLOBEX', teamName: 'Globex', botUserId: 'U0BOTGLOBEX', botId: 'B0BOTGLOBEX' };
const INITECH: StandInWorkspace = { enterpriseId: 'E0INITECH', orgWide: true, botUserId: 'U0BOTINITECH', botId: 'B0BOTINITECH', expiresIn: 43_200 };

const dir = mkdtempSync(join(tmpdir(), 'which-tool-oauth-secrets-'));
const db = join(dir, 'which-tool.db');
let slack: SlackStandIn;

beforeAll(async () => {
  ensureBuilt();
  slack = await new SlackStandIn().start();
}, 60_000);
afterAll(async () => {
  await slack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Every secret the operator configured, and every code and token Slack handed out. */
function secrets(): Record<string, string> {
  const key = Buffer.from(SECRET_KEY, 'base64');
  return {
    SLACK_CLIENT_SECRET: OAUTH_CLIENT.secret,
    SLACK_STATE_SECRET: STATE_SECRET,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    WHICH_TOOL_SECRET_KEY: SECRET_KEY,
    'WHICH_TOOL_SECRET_KEY (hex)': key.toString('hex'),
    ...Object.fromEntries(slack.oauth.handedOut.map((t, i) => [`handed out #${i} (${t.slice(0, 5)}…)`, t])),
  };
}

/** A secret as written, JSON-escaped, URL-encoded, base64, or its last 12 characters. */
const leaks = (output: string): string[] =>
  Object.entries(secrets())
    .filter(([, v]) => [v, JSON.stringify(v).slice(1, -1), encodeURIComponent(v), Buffer.from(v).toString('base64'), v.slice(-12)].some((form) => output.includes(form)))
    .map(([name]) => name);

describe('secrets in OAuth mode', () => {
  it('the scan finds a handed-out token however it is written', () => {
    slack.oauth.grant(GLOBEX);
    const code = slack.oauth.handedOut.at(-1)!;
    expect(leaks(`{"msg":"http request body: {\\"code\\":\\"${code}\\"}"}`)).toHaveLength(1);
    expect(leaks(encodeURIComponent(OAUTH_CLIENT.secret))).toEqual(['SLACK_CLIENT_SECRET']);
    expect(leaks('nothing here')).toEqual([]);
  });

  it('never writes a secret or token, even at debug level, and keeps tokens encrypted in the database', async () => {
    const server = await startOAuthServer(oauthEnv(slack, db, { WHICH_TOOL_LOG_LEVEL: 'debug' }));
    try {
      for (const ws of [ACME, GLOBEX, INITECH]) expect((await install(server.url, slack, ws)).status).toBe(200);
      const page = await openInstallPage(server.url);
      expect((await callback(server.url, { code: slack.oauth.grant(GLOBEX) }, page.cookie)).status).toBe(400);
      expect((await callback(server.url, { code: 'refused-code', state: page.state }, page.cookie)).status).toBe(400);
      const post = (p: Parameters<typeof postToSlackRoute>[1]) => postToSlackRoute(server.url, p);
      for (const f of [from(ACME), from(GLOBEX), from(INITECH, 'T0INISALES')]) {
        expect((await post(commandFrom(f, 'translate 30 quarterly reports', slack.responseUrl(f.team)))).status).toBe(200);
        expect((await post(mentionFrom(f, 'summarize our vendor contracts'))).status).toBe(200);
        expect((await post(homeOpenedFrom(f))).status).toBe(200);
        expect((await post(buttonFrom(f, 'compare', JSON.stringify({ q: 'make a jingle' }), slack.responseUrl(`b-${f.team}`)))).status).toBe(200);
      }
      expect((await post({ ...commandFrom(from(GLOBEX), 'make a jingle', slack.responseUrl('bad')), secret: 'not-the-secret' })).status).toBe(401);
      expect((await post({ ...mentionFrom(from(GLOBEX), 'make a jingle'), timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
      expect((await post(uninstalledFrom(from(GLOBEX)))).status).toBe(200);
      expect((await post(tokensRevokedFrom(from(INITECH, 'T0INISALES')))).status).toBe(200);
      expect((await post(mentionFrom(from(GLOBEX), 'still there?'))).status).toBe(200);
      await slack.waitFor('chat.postMessage', 3);
      // The refresh happened (so its request body was logged at debug level) …
      expect(slack.named('oauth.v2.access').filter((c) => c.body.grant_type === 'refresh_token')).toHaveLength(1);
    } finally {
      expect(await stopServer(server)).toBe(0);
    }
    const out = server.output();
    // … and the client's debug lines were written, so the scan covered them.
    expect(out).toContain('http request body');
    expect(out).toContain('"level":20');
    expect(leaks(out)).toEqual([]);
    // Tokens at rest: only sealed values in the file and its journal.
    const files = [db, `${db}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('\n');
    expect(files).toContain('enc:v1:');
    expect(leaks(files)).toEqual([]);
  });
});
