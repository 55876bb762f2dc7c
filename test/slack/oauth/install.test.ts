// The contract's "Installing into many Slack workspaces", end to end: the built server in
// OAuth mode (a child process, SQLite file, tokens encrypted), Slack played by the local
// stand-in on 127.0.0.1. Two workspaces and one Grid organisation install it; each is answered
// with its own token; bad callbacks store nothing; uninstalling and revoking remove it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/log/logger.js';
import { openSqliteStore, type OpenStore } from '../../../src/store/sqlite.js';
import type { ServerProcess } from '../../ship/server-process.js';
import { callback, ensureBuilt, install, oauthEnv, openInstallPage, SECRET_KEY, startOAuthServer, STATE_SECRET, stopServer } from '../helpers/oauth.js';
import { postToSlackRoute } from '../helpers/signed.js';
import type { StandInWorkspace } from '../helpers/stand-in-oauth.js';
import { SlackStandIn } from '../helpers/stand-in.js';
import { buttonFrom, commandFrom, from, homeOpenedFrom, mentionFrom, tokensRevokedFrom, uninstalledFrom } from '../helpers/workspaces.js';
import { forgedState } from '../helpers/state.js';

const ACME: StandInWorkspace = { teamId: 'T0ACME', teamName: 'Acme', botUserId: 'U0BOTACME', botId: 'B0BOTACME' };
const GLOBEX: StandInWorkspace = { teamId: 'T0GLOBEX', teamName: 'Globex', botUserId: 'U0BOTGLOBEX', botId: 'B0BOTGLOBEX' };
const INITECH: StandInWorkspace = { enterpriseId: 'E0INITECH', enterpriseName: 'Initech', orgWide: true, botUserId: 'U0BOTINITECH', botId: 'B0BOTINITECH' };
/** Two workspaces of the Initech organisation, served by its org-wide installation. */
const INITECH_SALES = from(INITECH, 'T0INISALES');
const INITECH_LABS = from(INITECH, 'T0INILABS');

const dir = mkdtempSync(join(tmpdir(), 'which-tool-oauth-'));
const db = join(dir, 'which-tool.db');
let slack: SlackStandIn;
let server: ServerProcess;
let store: OpenStore;

beforeAll(async () => {
  ensureBuilt();
  slack = await new SlackStandIn().start();
  server = await startOAuthServer(oauthEnv(slack, db));
  store = openSqliteStore({ path: db, logRequestText: false, retentionDays: 90, log: silentLogger(), secretKeys: { current: Buffer.from(SECRET_KEY, 'base64') } });
}, 60_000);
afterAll(async () => {
  store?.close();
  if (server) await stopServer(server);
  await slack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const installedKeys = async (): Promise<string[]> => (await store.installations.list()).map((i) => i.key).sort();
const post = (p: Parameters<typeof postToSlackRoute>[1]) => postToSlackRoute(server.url, p);

describe('the install page', () => {
  it('is a plain, accessible page whose "Add to Slack" link carries the scopes and a signed state bound to this browser', async () => {
    const page = await openInstallPage(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page.html).toMatch(/<title>Add Which Tool to Slack · Which Tool<\/title>/);
    expect(page.html).toMatch(/<meta name="viewport"/);
    expect(page.html).toMatch(/<main>\n<h1>Add Which Tool to Slack<\/h1>/);
    expect(page.html).not.toMatch(/<script|<img|https?:\/\/(?!slack\.com\/oauth)/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.authorizeUrl.origin + page.authorizeUrl.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(page.authorizeUrl.searchParams.get('scope')).toBe('app_mentions:read,chat:write,commands,im:history,users:read,usergroups:read');
    expect(page.authorizeUrl.searchParams.get('client_id')).toBe('1111111111.2222222222');
    expect(page.state.split('.')).toHaveLength(3);
    expect(page.cookie).toBe(`slack-app-oauth-state=${page.state}`);
    expect(page.headers.get('set-cookie')).toMatch(/HttpOnly/);
  });
});

describe('installing', () => {
  it('installs two workspaces and an org-wide Grid organisation, each once, through oauth.v2.access and auth.test at SLACK_API_URL', async () => {
    for (const ws of [ACME, GLOBEX, INITECH]) {
      const done = await install(server.url, slack, ws);
      expect(done.status, done.html).toBe(200);
      expect(done.html).toContain('Which Tool is installed');
      expect(done.html).toContain(ws.orgWide ? 'Initech' : ws.teamName!);
    }
    // The org-wide page points the admin at choosing the organisation's workspaces.
    expect(slack.named('oauth.v2.access')).toHaveLength(3);
    for (const c of slack.named('oauth.v2.access')) expect(c.body).toMatchObject({ client_id: '1111111111.2222222222' });
    expect(slack.named('auth.test').map((c) => c.authorization)).toEqual([ACME, GLOBEX, INITECH].map((ws) => `Bearer ${slack.oauth.tokenOf(ws)}`));
    expect(await installedKeys()).toEqual(['E:E0INITECH', 'T:T0ACME', 'T:T0GLOBEX']);
    const org = (await store.installations.list()).find((i) => i.key === 'E:E0INITECH')!;
    expect(org).toMatchObject({ isEnterpriseInstall: true, teamId: null, enterpriseId: 'E0INITECH', botUserId: 'U0BOTINITECH', botId: 'B0BOTINITECH', installerUserId: 'U0INSTALLER' });
    expect(org.botScopes).toEqual(['app_mentions:read', 'chat:write', 'commands', 'im:history', 'users:read', 'usergroups:read']);
    // Installing again replaces the one installation, with the new token.
    const before = slack.oauth.tokenOf(ACME);
    expect((await install(server.url, slack, ACME)).status).toBe(200);
    expect(slack.oauth.tokenOf(ACME)).not.toBe(before);
    expect(await installedKeys()).toEqual(['E:E0INITECH', 'T:T0ACME', 'T:T0GLOBEX']);
    expect((await store.installations.find({ teamId: 'T0ACME' }))!.botToken).toBe(slack.oauth.tokenOf(ACME));
  });

  it('answers every way in from each workspace with that workspace’s own token, and logs requests and feedback per workspace', async () => {
    const sources = [
      { ws: ACME, f: from(ACME) },
      { ws: GLOBEX, f: from(GLOBEX) },
      { ws: INITECH, f: INITECH_SALES },
      { ws: INITECH, f: INITECH_LABS },
    ];
    slack.calls.length = 0;
    for (const { f } of sources) {
      const channel = `C0${f.team.slice(2)}`;
      const answered = await post(commandFrom(f, 'a jingle for our radio ad', slack.responseUrl(f.team), channel));
      expect(answered.status).toBe(200);
      expect(JSON.stringify(answered.json)).toMatch(/audio/i);
      expect((await post(mentionFrom(f, 'summarize our vendor contracts', channel))).status).toBe(200);
      expect((await post(homeOpenedFrom(f))).status).toBe(200);
      expect((await post(buttonFrom(f, 'share', JSON.stringify({ q: 'a jingle for our radio ad' }), slack.responseUrl(`share-${f.team}`), channel))).status).toBe(200);
      expect((await post(buttonFrom(f, 'feedback_up', JSON.stringify({ q: 'a jingle for our radio ad' }), slack.responseUrl(`fb-${f.team}`), channel))).status).toBe(200);
    }
    await slack.waitFor('chat.postMessage', 8);
    await slack.waitFor('views.publish', 4);
    for (const { ws, f } of sources) {
      const token = `Bearer ${slack.oauth.tokenOf(ws)}`;
      const channel = `C0${f.team.slice(2)}`;
      const inChannel = slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
      expect(inChannel, f.team).toHaveLength(2); // the mention's threaded answer and the shared card
      for (const c of inChannel) expect(c.authorization, f.team).toBe(token);
    }
    const home = slack.named('views.publish').map((c) => c.authorization);
    expect(home.sort()).toEqual([ACME, GLOBEX, INITECH, INITECH].map((ws) => `Bearer ${slack.oauth.tokenOf(ws)}`).sort());
    // Every Web API call carried one of the three installations' tokens, never another.
    const tokens = new Set([ACME, GLOBEX, INITECH].map((ws) => `Bearer ${slack.oauth.tokenOf(ws)}`));
    for (const c of slack.calls.filter((c) => c.method !== 'response_url')) expect(tokens.has(c.authorization ?? '')).toBe(true);
    // The request log and feedback name the workspace each came from.
    await expect.poll(() => store.db.prepare("SELECT workspace, COUNT(*) AS n FROM request_log WHERE surface = 'slack' GROUP BY workspace ORDER BY workspace").all(), { timeout: 5_000 }).toEqual(
      ['T0ACME', 'T0GLOBEX', 'T0INILABS', 'T0INISALES'].map((workspace) => ({ workspace, n: 2 })),
    );
    // Button presses are handled after their ack: polled like the request log.
    await expect.poll(() => store.db.prepare('SELECT workspace, COUNT(*) AS n FROM feedback GROUP BY workspace ORDER BY workspace').all(), { timeout: 5_000 }).toEqual(
      ['T0ACME', 'T0GLOBEX', 'T0INILABS', 'T0INISALES'].map((workspace) => ({ workspace, n: 1 })),
    );
  });

  it('refuses a forged, missing, expired or other browser’s state, a code Slack refuses, and a cancel: an error page, nothing stored, no code exchanged', async () => {
    const known = await installedKeys();
    slack.calls.length = 0;
    const NEWCO: StandInWorkspace = { teamId: 'T0NEWCO', teamName: 'Newco', botUserId: 'U0BOTNEWCO', botId: 'B0BOTNEWCO' };
    const page = await openInstallPage(server.url);
    const other = await openInstallPage(server.url);
    const forged = forgedState('not-the-state-secret-at-all-0000', Date.now());
    const expired = forgedState(STATE_SECRET, Date.now() - 11 * 60_000);
    const cases: { name: string; query: Record<string, string>; cookie?: string; status: number; text: RegExp }[] = [
      { name: 'missing state', query: { code: slack.oauth.grant(NEWCO) }, cookie: page.cookie, status: 400, text: /install link has expired/ },
      { name: 'forged state', query: { code: slack.oauth.grant(NEWCO), state: forged }, cookie: `slack-app-oauth-state=${forged}`, status: 400, text: /install link has expired/ },
      { name: 'expired state', query: { code: slack.oauth.grant(NEWCO), state: expired }, cookie: `slack-app-oauth-state=${expired}`, status: 400, text: /install link has expired/ },
      { name: 'no cookie', query: { code: slack.oauth.grant(NEWCO), state: page.state }, status: 400, text: /install link has expired/ },
      { name: 'another browser', query: { code: slack.oauth.grant(NEWCO), state: page.state }, cookie: other.cookie, status: 400, text: /install link has expired/ },
      { name: 'refused code', query: { code: 'made-up-code', state: page.state }, cookie: page.cookie, status: 400, text: /did not accept this install link/ },
      { name: 'cancelled', query: { error: 'access_denied', state: page.state }, cookie: page.cookie, status: 403, text: /Installation cancelled/ },
    ];
    for (const c of cases) {
      const res = await callback(server.url, c.query, c.cookie);
      expect(res.status, c.name).toBe(c.status);
      expect(res.html, c.name).toMatch(c.text);
      expect(res.html, c.name).toMatch(/<html lang="en">[\s\S]*<h1>/);
      expect(res.html, c.name).toContain('href="/slack/install"');
      expect(res.html, c.name).not.toMatch(/slack_oauth|Error:|at .*\.js/);
    }
    // Only the refused code reached Slack; no state problem ever does.
    expect(slack.named('oauth.v2.access').map((c) => c.body.code)).toEqual(['made-up-code']);
    // Slack refusing the app's own credentials is the operator's to fix, and the page says so.
    const answer = slack.answers['oauth.v2.access']!;
    slack.answers['oauth.v2.access'] = () => ({ ok: false, error: 'bad_client_secret' });
    const fresh = await openInstallPage(server.url);
    const misconfigured = await callback(server.url, { code: slack.oauth.grant(NEWCO), state: fresh.state }, fresh.cookie);
    slack.answers['oauth.v2.access'] = answer;
    expect(misconfigured.status).toBe(500);
    expect(misconfigured.html).toContain('This server is not set up for Slack yet');
    expect(misconfigured.html).not.toContain('href="/slack/install"');
    expect(await installedKeys()).toEqual(known);
  });

  it('answers nothing, with no one’s token, for a workspace that never installed it', async () => {
    slack.calls.length = 0;
    const stranger = from({ teamId: 'T0STRANGER', botUserId: 'U0BOTX', botId: 'B0BOTX' });
    expect((await post(mentionFrom(stranger, 'make a jingle'))).status).toBe(200);
    const command = await post(commandFrom(stranger, 'make a jingle', slack.responseUrl('stranger')));
    expect(command.text).not.toMatch(/audio/i);
    // Nor a workspace of a Grid organisation that never installed it org-wide.
    expect((await post(mentionFrom(from({ enterpriseId: 'E0UNKNOWN', orgWide: true, botUserId: 'U0BOTY', botId: 'B0BOTY' }, 'T0UNKNOWN'), 'make a jingle'))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.calls.filter((c) => c.method !== 'response_url')).toEqual([]);
    expect(server.output()).toMatch(/not installed in workspace T0STRANGER"[^\n]*no installation serves its workspace/);
  });
});

describe('uninstalling', () => {
  it('app_uninstalled removes a workspace’s installation; tokens_revoked removes the org’s; nothing is sent with their tokens afterwards', async () => {
    const acme = slack.oauth.tokenOf(ACME)!;
    const initech = slack.oauth.tokenOf(INITECH)!;
    // Revoking only user tokens leaves the bot's installation alone.
    expect((await post(tokensRevokedFrom(INITECH_SALES, { user: true }))).status).toBe(200);
    expect((await post(uninstalledFrom(from(ACME)))).status).toBe(200);
    expect((await post(tokensRevokedFrom(INITECH_SALES))).status).toBe(200);
    await expect.poll(installedKeys, { timeout: 5_000 }).toEqual(['T:T0GLOBEX']);
    slack.oauth.revoke(ACME);
    slack.oauth.revoke(INITECH);
    slack.calls.length = 0;
    for (const f of [from(ACME), INITECH_SALES, INITECH_LABS, from(GLOBEX)]) {
      await post(mentionFrom(f, 'summarize this contract', 'C0AFTER'));
      await post(homeOpenedFrom(f));
    }
    await slack.waitFor('chat.postMessage', 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.withToken(acme)).toEqual([]);
    expect(slack.withToken(initech)).toEqual([]);
    // Globex, still installed, is answered as before.
    expect(slack.named('chat.postMessage').map((c) => c.authorization)).toEqual([`Bearer ${slack.oauth.tokenOf(GLOBEX)}`]);
    // Installing again brings a workspace back, with a new token.
    expect((await install(server.url, slack, ACME)).status).toBe(200);
    await post(mentionFrom(from(ACME), 'summarize this contract', 'C0BACK'));
    const [back] = await slack.waitFor('chat.postMessage', 2).then((calls) => calls.filter((c) => c.body.channel === 'C0BACK'));
    expect(back!.authorization).toBe(`Bearer ${slack.oauth.tokenOf(ACME)}`);
    expect(slack.oauth.tokenOf(ACME)).not.toBe(acme);
  });
});
