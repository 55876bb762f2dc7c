// Start-up in OAuth mode: which variables make which mode, one clear line (naming a variable,
// never a value) for a mixed or half configuration or a malformed key, and key rotation as an
// operator does it: a new WHICH_TOOL_SECRET_KEY with the old one as WHICH_TOOL_SECRET_KEY_PREVIOUS
// re-encrypts every stored token at start-up, after which the old key is no longer needed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { silentLogger } from '../../../src/log/logger.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { runToExit } from '../../ship/server-process.js';
import { ensureBuilt, MAIN, oauthEnv, OTHER_KEY, SECRET_KEY, startOAuthServer, STATE_SECRET, stopServer } from '../helpers/oauth.js';
import { SIGNING_SECRET } from '../helpers/signed.js';
import { OAUTH_CLIENT } from '../helpers/stand-in-oauth.js';
import { SlackStandIn } from '../helpers/stand-in.js';
import { ROOT } from '../../digest/built-cli.js';
import { installation } from '../../store/installations.js';

const OAUTH = { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_CLIENT_ID: OAUTH_CLIENT.id, SLACK_CLIENT_SECRET: OAUTH_CLIENT.secret, SLACK_STATE_SECRET: STATE_SECRET };

const refused = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('configuration was accepted');
};

describe('OAuth mode configuration', () => {
  it('the three OAuth variables and the signing secret, without a bot token, turn on OAuth mode', () => {
    const c = loadConfig(OAUTH);
    expect(c.slack).toBeNull();
    expect(c.slackOAuth).toEqual({ signingSecret: SIGNING_SECRET, clientId: OAUTH_CLIENT.id, clientSecret: OAUTH_CLIENT.secret, stateSecret: STATE_SECRET, apiUrl: 'https://slack.com/api/' });
    expect(c.notices.join('\n')).toContain('stored unencrypted: set WHICH_TOOL_SECRET_KEY');
    expect(c.notices.join('\n')).not.toContain('Slack is off');
    const keyed = loadConfig({ ...OAUTH, WHICH_TOOL_SECRET_KEY: SECRET_KEY });
    expect(keyed.secretKeys.current).toEqual(Buffer.from(SECRET_KEY, 'base64'));
    expect(keyed.notices.join('\n')).not.toContain('unencrypted');
    expect(loadConfig({ ...OAUTH, WHICH_TOOL_SECRET_KEY: 'ab'.repeat(32) }).secretKeys.current).toEqual(Buffer.alloc(32, 0xab));
  });

  it('refuses a mix of the two modes, half of OAuth mode, a weak state secret and a malformed key, naming the variable', () => {
    expect(refused({ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-one-workspace' })).toMatch(/^configuration: SLACK_BOT_TOKEN cannot be combined with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: /);
    expect(refused({ ...OAUTH, SLACK_APP_TOKEN: 'xapp-1-socket' })).toMatch(/^configuration: SLACK_APP_TOKEN cannot be combined with/);
    expect(refused({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_CLIENT_ID: OAUTH_CLIENT.id })).toBe(
      'configuration: SLACK_CLIENT_SECRET is required when SLACK_CLIENT_ID is set (OAuth mode needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET)',
    );
    expect(refused({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_CLIENT_ID: OAUTH_CLIENT.id, SLACK_CLIENT_SECRET: OAUTH_CLIENT.secret })).toMatch(/^configuration: SLACK_STATE_SECRET is required/);
    expect(refused({ SLACK_STATE_SECRET: STATE_SECRET })).toMatch(/^configuration: SLACK_CLIENT_ID is required when SLACK_STATE_SECRET is set/);
    expect(refused({ ...OAUTH, SLACK_SIGNING_SECRET: '' })).toMatch(/^configuration: SLACK_SIGNING_SECRET is required in OAuth mode/);
    expect(refused({ ...OAUTH, SLACK_STATE_SECRET: 'short' })).toMatch(/^configuration: SLACK_STATE_SECRET must be at least 16 characters/);
    expect(refused({ ...OAUTH, WHICH_TOOL_SECRET_KEY: 'too-short' })).toMatch(/^configuration: WHICH_TOOL_SECRET_KEY must be 32 random bytes/);
    expect(refused({ ...OAUTH, WHICH_TOOL_SECRET_KEY: `${SECRET_KEY.slice(0, -2)}!=` })).toMatch(/^configuration: WHICH_TOOL_SECRET_KEY must be/);
    expect(refused({ ...OAUTH, WHICH_TOOL_SECRET_KEY: SECRET_KEY, WHICH_TOOL_SECRET_KEY_PREVIOUS: 'x' })).toMatch(/^configuration: WHICH_TOOL_SECRET_KEY_PREVIOUS must be/);
    expect(refused({ ...OAUTH, WHICH_TOOL_SECRET_KEY_PREVIOUS: SECRET_KEY })).toMatch(/^configuration: WHICH_TOOL_SECRET_KEY is required when WHICH_TOOL_SECRET_KEY_PREVIOUS is set/);
  });

  it('stops the server process with one line and no secret value', async () => {
    ensureBuilt();
    const base = { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', WHICH_TOOL_DB: ':memory:' };
    const cases = [
      { ...base, ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-mixed-0123456789abcdef' },
      { ...base, ...OAUTH, WHICH_TOOL_SECRET_KEY: `${SECRET_KEY}${SECRET_KEY}` },
    ];
    const results = await Promise.all(cases.map((env) => runToExit(process.execPath, [MAIN], ROOT, env)));
    for (const r of results) {
      expect(r.code).toBe(1);
      expect(r.out.trim().split('\n'), r.out).toHaveLength(1);
      expect(r.out).toMatch(/^which-tool: configuration: (SLACK_BOT_TOKEN|WHICH_TOOL_SECRET_KEY) /);
      for (const secret of [OAUTH_CLIENT.secret, STATE_SECRET, SIGNING_SECRET, SECRET_KEY, 'xoxb-mixed-0123456789abcdef']) expect(r.out).not.toContain(secret);
    }
  });
});

describe('rotating the encryption key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'which-tool-oauth-keys-'));
  const db = join(dir, 'which-tool.db');
  let slack: SlackStandIn;
  beforeAll(async () => {
    ensureBuilt();
    slack = await new SlackStandIn().start();
    // Installed while the old key was in use.
    const old = openSqliteStore({ path: db, logRequestText: false, retentionDays: 90, log: silentLogger(), secretKeys: { current: Buffer.from(SECRET_KEY, 'base64') } });
    await old.installations.save(installation('T0ACME', { botToken: 'xoxb-acme-sealed-with-the-old-key' }));
    old.close();
  }, 60_000);
  afterAll(async () => {
    await slack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start with only a key that cannot open the stored tokens, and says which variable to set', async () => {
    const r = await runToExit(process.execPath, [MAIN], ROOT, oauthEnv(slack, db, { WHICH_TOOL_SECRET_KEY: OTHER_KEY }));
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n').at(-1)).toBe(
      'which-tool: cannot read the Slack installation T:T0ACME bot token: it was encrypted with another key: set WHICH_TOOL_SECRET_KEY_PREVIOUS to that key',
    );
    expect(r.out).not.toContain('xoxb-acme');
  });

  it('with the new key and the previous one, re-encrypts at start-up; afterwards the new key alone opens everything', async () => {
    // Re-encrypting happens before the server listens, so the listening line means it is done.
    const rotating = await startOAuthServer(oauthEnv(slack, db, { WHICH_TOOL_SECRET_KEY: OTHER_KEY, WHICH_TOOL_SECRET_KEY_PREVIOUS: SECRET_KEY }));
    await stopServer(rotating);
    expect(rotating.output()).toMatch(/"installations":1,"resealed":1/);
    const after = await startOAuthServer(oauthEnv(slack, db, { WHICH_TOOL_SECRET_KEY: OTHER_KEY }));
    await stopServer(after);
    expect(after.output()).toMatch(/"installations":1,"resealed":0/);
    const store = openSqliteStore({ path: db, logRequestText: false, retentionDays: 90, log: silentLogger(), secretKeys: { current: Buffer.from(OTHER_KEY, 'base64') } });
    expect((await store.installations.find({ teamId: 'T0ACME' }))!.botToken).toBe('xoxb-acme-sealed-with-the-old-key');
    store.close();
    // The old key alone no longer opens it.
    const r = await runToExit(process.execPath, [MAIN], ROOT, oauthEnv(slack, db, { WHICH_TOOL_SECRET_KEY: SECRET_KEY }));
    expect(r.code).toBe(1);
    expect(r.out).toContain('encrypted with another key');
  });
});
