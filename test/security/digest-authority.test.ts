// Finding 11 (low): anyone in a channel could turn its digest on, off or change it, guests and
// people from another organisation in a shared channel included, and no change said who made it.
// Now a change needs a full member (Slack: not is_restricted / is_ultra_restricted, same team;
// Teams: userRole "user", same tenant), or one of WHICH_TOOL_DIGEST_MANAGERS; anyone may look;
// every change is logged with who made it.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../digest/built-cli.js';
import { localCertificate } from '../helpers/tls.js';
import { SECRETS } from '../ship/fixture.js';
import { slashCommand, TEAM } from '../slack/helpers/payloads.js';
import { postToSlackRoute } from '../slack/helpers/signed.js';
import { SlackStandIn } from '../slack/helpers/stand-in.js';
import { MicrosoftStandIn } from '../teams/microsoft-stand-in.js';
import { cardText, Connector, message, post, TENANT } from '../teams/support.js';
import { baseEnv, records, scratch, serve } from './support.js';

const db = scratch();
let microsoft: MicrosoftStandIn;
beforeAll(async () => {
  ensureBuilt();
  microsoft = await new MicrosoftStandIn().start();
}, 120_000);
afterAll(() => microsoft.stop());

const subscriptions = (path: string): number => {
  const file = new Database(path, { readonly: true });
  try {
    return (file.prepare('SELECT COUNT(*) AS n FROM subscriptions').get() as { n: number }).n;
  } finally {
    file.close();
  }
};

const PEOPLE: Record<string, Record<string, unknown>> = {
  U0GUEST: { is_restricted: true, team_id: TEAM },
  U0SINGLE: { is_ultra_restricted: true, team_id: TEAM },
  U0EXTERN: { team_id: 'T0OTHERORG' },
  U0ALICE: { team_id: TEAM },
  U0BOSS: { team_id: TEAM },
};

describe('changing a Slack channel’s digest', () => {
  it('needs a full member of the workspace (or a named manager), and is logged with who did it', async () => {
    const slack = await new SlackStandIn().start();
    slack.answers['users.info'] = (c) => ({ ok: true, user: { id: c.body.user, tz: 'Europe/Berlin', ...PEOPLE[String(c.body.user)] } });
    const signed = { secret: SECRETS.SLACK_SIGNING_SECRET };
    const dbPath = db();
    const env = { ...baseEnv(dbPath), HOST: '127.0.0.1', SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: slack.apiUrl, WHICH_TOOL_RATE_LIMIT: '0' };
    const say = async (url: string, user: string, words: string): Promise<string> => {
      const c = slashCommand(`digest ${words}`, slack.responseUrl(`${user}-${Date.now()}`));
      const before = slack.named('response_url').length;
      await postToSlackRoute(url, { ...c, body: c.body.replace('U0ALICE', user), ...signed });
      const [reply] = (await slack.waitFor('response_url', before + 1)).slice(-1);
      return JSON.stringify(reply!.body);
    };
    const members = await serve(env);
    try {
      for (const outsider of ['U0GUEST', 'U0SINGLE', 'U0EXTERN']) {
        expect(await say(members.url, outsider, 'weekly monday 09:00')).toContain('Only members can change digests');
        expect(subscriptions(dbPath)).toBe(0);
      }
      expect(await say(members.url, 'U0ALICE', 'weekly monday 09:00')).toContain('Digest on');
      expect(await say(members.url, 'U0GUEST', 'off')).toContain('Only members can change digests');
      // Looking is fine for anyone.
      expect(await say(members.url, 'U0GUEST', '')).toContain('This channel gets a digest');
      expect(subscriptions(dbPath)).toBe(1);
    } finally {
      await members.stop();
    }
    const changes = records(members.output()).filter((r) => r.msg === 'digest: subscription changed');
    expect(changes).toEqual([expect.objectContaining({ platform: 'slack', action: 'on', by: 'U0ALICE', channel: 'C0GENERAL' })]);

    const managed = await serve({ ...env, WHICH_TOOL_DIGEST_MANAGERS: 'U0BOSS' });
    try {
      expect(await say(managed.url, 'U0ALICE', 'off')).toContain('Digests are managed by named people');
      expect(await say(managed.url, 'U0BOSS', 'off')).toContain('Digest off');
      expect(subscriptions(dbPath)).toBe(0);
    } finally {
      await managed.stop();
      await slack.stop();
    }
    expect(records(managed.output()).filter((r) => r.msg === 'digest: subscription changed')).toEqual([expect.objectContaining({ action: 'off', by: 'U0BOSS' })]);
  });
});

describe('changing a Teams channel’s digest', () => {
  it('needs a member of the tenant: a guest is refused, as the connector reports their role', async () => {
    const APP_ID = '00000000-0000-4000-8000-00000000d1d1';
    const path = db();
    const tls = localCertificate();
    const connector = await new Connector(tls).start();
    connector.members.set('29:user-dana', { id: '29:user-dana', aadObjectId: 'aad-dana', userRole: 'user', tenantId: TENANT });
    connector.members.set('29:guest-gil', { id: '29:guest-gil', aadObjectId: 'aad-gil', userRole: 'guest', tenantId: TENANT });
    const server = await serve({
      ...baseEnv(path), HOST: '127.0.0.1', WHICH_TOOL_RATE_LIMIT: '0',
      MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: SECRETS.MICROSOFT_APP_PASSWORD,
      MICROSOFT_LOGIN_URL: microsoft.loginUrl, MICROSOFT_OPENID_METADATA_URL: microsoft.openIdMetadataUrl,
      WHICH_TOOL_TEAMS_SERVICE_HOSTS: '127.0.0.1', NODE_EXTRA_CA_CERTS: tls.certFile,
    });
    const auth = { authorization: `Bearer ${microsoft.channelToken(APP_ID, connector.url)}` };
    const reply = (): string => cardText(connector.received.at(-1)!.body.attachments![0]!.content);
    try {
      const guest = { ...message(connector.url, 'channel', 'digest daily 08:30'), from: { id: '29:guest-gil', name: 'Gil', aadObjectId: 'aad-gil' } };
      expect((await post(`${server.url}/api/messages`, guest, auth)).status).toBe(200);
      expect(reply()).toContain('Only members can change digests');
      expect(subscriptions(path)).toBe(0);
      expect((await post(`${server.url}/api/messages`, message(connector.url, 'channel', 'digest daily 08:30'), auth)).status).toBe(200);
      expect(reply()).toContain('Digest on');
      expect(subscriptions(path)).toBe(1);
    } finally {
      await server.stop();
      await connector.stop();
    }
    expect(records(server.output()).filter((r) => r.msg === 'digest: subscription changed')).toEqual([expect.objectContaining({ platform: 'teams', action: 'on', by: 'aad-dana' })]);
  });
});
