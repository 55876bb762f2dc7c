// Digests in OAuth mode: each channel's digest goes out with its own workspace's token (an
// org-wide Grid installation's for its workspaces, refreshed first when it is about to expire),
// never with another's. Uninstalling pauses a workspace's digests; installing again resumes
// them. The built server and `which-tool digest` run as processes on one SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../ship/server-process.js';
import { digestCli, ensureBuilt, install, oauthEnv, startOAuthServer, stopServer } from '../helpers/oauth.js';
import { postToSlackRoute } from '../helpers/signed.js';
import type { StandInWorkspace } from '../helpers/stand-in-oauth.js';
import { SlackStandIn } from '../helpers/stand-in.js';
import { commandFrom, from, uninstalledFrom, type From } from '../helpers/workspaces.js';
import { silentLogger } from '../../../src/log/logger.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';

const ACME: StandInWorkspace = { teamId: 'T0ACME', teamName: 'Acme', botUserId: 'U0BOTACME', botId: 'B0BOTACME' };
const GLOBEX: StandInWorkspace = { teamId: 'T0GLOBEX', teamName: 'Globex', botUserId: 'U0BOTGLOBEX', botId: 'B0BOTGLOBEX' };
/** Org-wide, with token rotation: every bot token it gets expires within the two-hour refresh window. */
const INITECH: StandInWorkspace = {
  enterpriseId: 'E0INITECH', enterpriseName: 'Initech', orgWide: true, botUserId: 'U0BOTINITECH', botId: 'B0BOTINITECH', expiresIn: 3_600, refreshedExpiresIn: 3_600,
};
const SALES = from(INITECH, 'T0INISALES');

const dir = mkdtempSync(join(tmpdir(), 'which-tool-oauth-digest-'));
const db = join(dir, 'which-tool.db');
let slack: SlackStandIn;
let env: Record<string, string>;
let server: ServerProcess | undefined;

beforeAll(async () => {
  ensureBuilt();
  slack = await new SlackStandIn().start();
  env = oauthEnv(slack, db);
}, 60_000);
afterAll(async () => {
  if (server) await stopServer(server);
  await slack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The next 09:00 UTC after now, and the days after it. */
const nine = (daysLater = 0): string => {
  const d = new Date();
  d.setUTCHours(9, 0, 0, 0);
  if (d.getTime() <= Date.now()) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCDate(d.getUTCDate() + daysLater);
  return d.toISOString();
};

async function subscribe(f: From, channel: string): Promise<void> {
  const name = `digest-${channel}`;
  expect((await postToSlackRoute(server!.url, commandFrom(f, 'digest daily 09:00 UTC', slack.responseUrl(name), channel))).status).toBe(200);
  await expect.poll(() => slack.calls.some((c) => c.path.endsWith(`/response/${name}`)), { timeout: 5_000 }).toBe(true);
}

const listed = async (): Promise<Record<string, { status: string; pausedReason: string | null }>> => {
  const r = await digestCli(env, 'list', '--json');
  return Object.fromEntries((JSON.parse(r.out) as { channel: string; status: string; pausedReason: string | null }[]).map((s) => [s.channel, { status: s.status, pausedReason: s.pausedReason }]));
};

const postedTo = (channel: string): (string | undefined)[] => slack.named('chat.postMessage').filter((c) => c.body.channel === channel).map((c) => c.authorization);

describe('digests in OAuth mode', () => {
  it('sends each workspace’s digest with its own token, pauses on uninstall and resumes on reinstall', async () => {
    server = await startOAuthServer(env);
    for (const ws of [ACME, GLOBEX, INITECH]) expect((await install(server.url, slack, ws)).status).toBe(200);
    await subscribe(from(ACME), 'C0ACMEDIGEST');
    await subscribe(from(GLOBEX), 'C0GLOBEXDIGEST');
    await subscribe(SALES, 'C0SALESDIGEST');
    // The digest command asked each workspace for the person's time zone with its own token.
    expect(slack.named('users.info').map((c) => c.authorization)).toEqual([ACME, GLOBEX, INITECH].map((ws) => `Bearer ${slack.oauth.tokenOf(ws)}`));

    expect((await postToSlackRoute(server.url, uninstalledFrom(from(GLOBEX)))).status).toBe(200);
    await expect.poll(listed, { timeout: 10_000 }).toMatchObject({ C0GLOBEXDIGEST: { status: 'paused', pausedReason: 'app_not_installed' }, C0ACMEDIGEST: { status: 'active' } });
    // Subscribed from the command line for a workspace that never installed the app.
    const nowhere = await digestCli(env, 'subscribe', '--platform', 'slack', '--channel', 'C0NOWHERE', '--workspace', 'T0NOWHERE', '--schedule', '0 9 * * *', '--tz', 'UTC');
    expect(nowhere.code, nowhere.out).toBe(0);
    const globexOld = slack.oauth.tokenOf(GLOBEX)!;
    slack.oauth.revoke(GLOBEX);
    const initechFirst = slack.oauth.tokenOf(INITECH)!;
    slack.calls.length = 0;

    const first = await digestCli(env, 'run', '--at', nine());
    expect(first.out).toMatch(/2 sent, 0 skipped \(missed the grace window\), 1 paused/);
    expect(first.out).toContain('paused sub_');
    expect(postedTo('C0ACMEDIGEST')).toEqual([`Bearer ${slack.oauth.tokenOf(ACME)}`]);
    // The org's token was about to expire: refreshed once, then used.
    expect(slack.named('oauth.v2.access').map((c) => c.body.grant_type)).toEqual(['refresh_token']);
    expect(slack.oauth.tokenOf(INITECH)).not.toBe(initechFirst);
    expect(postedTo('C0SALESDIGEST')).toEqual([`Bearer ${slack.oauth.tokenOf(INITECH)}`]);
    expect(postedTo('C0GLOBEXDIGEST')).toEqual([]);
    expect(postedTo('C0NOWHERE')).toEqual([]);
    expect(slack.withToken(globexOld)).toEqual([]);
    expect(await listed()).toMatchObject({ C0NOWHERE: { status: 'paused', pausedReason: 'app_not_installed' } });

    // Installing Globex again resumes its digest (not the one of a workspace that never installed).
    expect((await install(server.url, slack, GLOBEX)).status).toBe(200);
    expect(await listed()).toMatchObject({ C0GLOBEXDIGEST: { status: 'active', pausedReason: null }, C0NOWHERE: { status: 'paused' } });
    slack.calls.length = 0;
    const second = await digestCli(env, 'run', '--at', nine(1));
    expect(second.out).toMatch(/3 sent/);
    expect(postedTo('C0GLOBEXDIGEST')).toEqual([`Bearer ${slack.oauth.tokenOf(GLOBEX)}`]);
    expect(postedTo('C0ACMEDIGEST')).toEqual([`Bearer ${slack.oauth.tokenOf(ACME)}`]);
    // The refresh token the first run stored worked for this run's refresh.
    expect(slack.named('oauth.v2.access').map((c) => c.body.grant_type)).toEqual(['refresh_token']);
    expect(postedTo('C0SALESDIGEST')).toEqual([`Bearer ${slack.oauth.tokenOf(INITECH)}`]);
    expect(postedTo('C0NOWHERE')).toEqual([]);
  });

  it('the server’s own scheduler, after a restart, catches up a missed digest with that workspace’s token', async () => {
    await stopServer(server!);
    server = undefined;
    // A digest that fell due an hour ago while the server was down.
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    const seed = openSqliteStore({ path: db, logRequestText: false, retentionDays: 90, log: silentLogger() });
    await seed.digest.upsertSubscription(
      { platform: 'slack', workspace: 'T0GLOBEX', channel: 'C0MISSED', schedule: `${hourAgo.getUTCMinutes()} ${hourAgo.getUTCHours()} * * *`, timeZone: 'UTC' },
      new Date(Date.now() - 3 * 86_400_000),
    );
    seed.close();
    slack.calls.length = 0;
    server = await startOAuthServer({ ...env, WHICH_TOOL_SCHEDULER: 'on' });
    await slack.waitFor('chat.postMessage', 1, 10_000);
    expect(postedTo('C0MISSED')).toEqual([`Bearer ${slack.oauth.tokenOf(GLOBEX)}`]);
  });
});
