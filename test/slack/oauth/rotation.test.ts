// Token rotation and restarts, through the built server process: a bot token that expires
// within two hours is refreshed (oauth.v2.access, grant_type=refresh_token) before it is used,
// once for requests that arrive together, and stored; a token far from expiry is left alone;
// installations and refreshed tokens survive a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/log/logger.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import type { ServerProcess } from '../../ship/server-process.js';
import { ensureBuilt, install, oauthEnv, SECRET_KEY, startOAuthServer, stopServer } from '../helpers/oauth.js';
import { postToSlackRoute } from '../helpers/signed.js';
import type { StandInWorkspace } from '../helpers/stand-in-oauth.js';
import { SlackStandIn } from '../helpers/stand-in.js';
import { from, mentionFrom } from '../helpers/workspaces.js';

/** Rotation on, and the first token expires in an hour: inside the two-hour refresh window. */
const ROTA: StandInWorkspace = { teamId: 'T0ROTA', teamName: 'Rota', botUserId: 'U0BOTROTA', botId: 'B0BOTROTA', expiresIn: 3_600 };
/** Rotation on, token fresh for twelve hours. */
const STEADY: StandInWorkspace = { teamId: 'T0STEADY', teamName: 'Steady', botUserId: 'U0BOTSTEADY', botId: 'B0BOTSTEADY', expiresIn: 43_200 };

const dir = mkdtempSync(join(tmpdir(), 'which-tool-oauth-rotation-'));
const db = join(dir, 'which-tool.db');
let slack: SlackStandIn;
let env: Record<string, string>;
let server: ServerProcess | undefined;

beforeAll(async () => {
  ensureBuilt();
  slack = await new SlackStandIn().start();
  env = oauthEnv(slack, db);
  server = await startOAuthServer(env);
  for (const ws of [ROTA, STEADY]) expect((await install(server.url, slack, ws)).status).toBe(200);
}, 60_000);
afterAll(async () => {
  if (server) await stopServer(server);
  await slack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const stored = async (teamId: string) => {
  const store = openSqliteStore({ path: db, logRequestText: false, retentionDays: 90, log: silentLogger(), secretKeys: { current: Buffer.from(SECRET_KEY, 'base64') } });
  try {
    return await store.installations.find({ teamId });
  } finally {
    store.close();
  }
};

const mentions = (ws: StandInWorkspace, n: number, channel: string) =>
  Promise.all(Array.from({ length: n }, (_, i) => postToSlackRoute(server!.url, mentionFrom(from(ws, ws.teamId, `U0ASKER${i}`), 'summarize our vendor contracts', channel))));

describe('token rotation', () => {
  it('refreshes a token about to expire before using it, once for six requests arriving together, and stores the new pair', async () => {
    const first = slack.oauth.tokenOf(ROTA)!;
    const firstRefresh = (await stored('T0ROTA'))!.botRefreshToken;
    expect(firstRefresh).toMatch(/^xoxe-1-/);
    slack.calls.length = 0;
    // Slack takes a moment to refresh: the other requests arrive meanwhile.
    slack.delays['oauth.v2.access'] = 200;
    for (const r of await mentions(ROTA, 6, 'C0ROTA')) expect(r.status).toBe(200);
    delete slack.delays['oauth.v2.access'];
    const posts = await slack.waitFor('chat.postMessage', 6);
    const refreshes = slack.named('oauth.v2.access');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]!.body).toMatchObject({ grant_type: 'refresh_token', refresh_token: firstRefresh, client_id: '1111111111.2222222222' });
    const fresh = slack.oauth.tokenOf(ROTA)!;
    expect(fresh).not.toBe(first);
    for (const p of posts) expect(p.authorization).toBe(`Bearer ${fresh}`);
    expect(slack.withToken(first)).toEqual([]);
    const now = (await stored('T0ROTA'))!;
    expect(now.botToken).toBe(fresh);
    expect(now.botRefreshToken).not.toBe(firstRefresh);
    expect(now.botExpiresAt! - Date.now() / 1000).toBeGreaterThan(43_000);
  });

  it('leaves a rotating token far from expiry alone', async () => {
    const token = slack.oauth.tokenOf(STEADY)!;
    slack.calls.length = 0;
    await mentions(STEADY, 3, 'C0STEADY');
    const posts = await slack.waitFor('chat.postMessage', 3);
    expect(slack.named('oauth.v2.access')).toEqual([]);
    for (const p of posts) expect(p.authorization).toBe(`Bearer ${token}`);
  });
});

describe('restart', () => {
  it('keeps every installation and refreshed token across a restart: answered at once, no new install or refresh', async () => {
    expect(await stopServer(server!)).toBe(0);
    server = await startOAuthServer(env);
    expect(server.output()).toMatch(/"installations":2[^\n]*Slack runs in OAuth mode/);
    slack.calls.length = 0;
    await mentions(ROTA, 1, 'C0AFTER');
    await mentions(STEADY, 1, 'C0AFTER');
    const posts = await slack.waitFor('chat.postMessage', 2);
    expect(posts.map((p) => p.authorization).sort()).toEqual([ROTA, STEADY].map((ws) => `Bearer ${slack.oauth.tokenOf(ws)}`).sort());
    expect(slack.named('oauth.v2.access')).toEqual([]);
    expect(slack.named('auth.test')).toEqual([]);
  });
});
