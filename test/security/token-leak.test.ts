// Finding 2 (high): the digest sender attached the bot's Bot Framework token to whatever service
// URL a stored conversation reference named, so a reference planted while the endpoint was open
// received the token once credentials were added. Now the token goes only to https hosts of the
// Bot Framework's Teams connector (plus WHICH_TOOL_TEAMS_SERVICE_HOSTS), only for references
// saved from an authenticated activity, and references saved without authentication are dropped
// when the server runs with credentials. The bot's token comes from a stand-in of Microsoft's
// identity platform on this machine (MICROSOFT_LOGIN_URL), so a leak would be seen, not guessed.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../digest/built-cli.js';
import { localCertificate } from '../helpers/tls.js';
import { SECRETS } from '../ship/fixture.js';
import { MicrosoftStandIn } from '../teams/microsoft-stand-in.js';
import { activity, BOT, Connector, post } from '../teams/support.js';
import { attacker, baseEnv, cli, records, scratch, serve } from './support.js';

const APP_ID = '00000000-0000-4000-8000-00000000b0b0';
const GROUP = '19:group-chat-1@thread.v2';
const db = scratch();
let microsoft: MicrosoftStandIn;

beforeAll(async () => {
  ensureBuilt();
  microsoft = await new MicrosoftStandIn().start();
}, 120_000);
afterAll(() => microsoft.stop());

const withCredentials = (path: string): Record<string, string> => ({
  ...baseEnv(path),
  HOST: '127.0.0.1',
  MICROSOFT_APP_ID: APP_ID,
  MICROSOFT_APP_PASSWORD: SECRETS.MICROSOFT_APP_PASSWORD,
  MICROSOFT_LOGIN_URL: microsoft.loginUrl,
  MICROSOFT_OPENID_METADATA_URL: microsoft.openIdMetadataUrl,
});
const install = (serviceUrl: string) => activity(serviceUrl, 'groupChat', { type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] });
/** The next 09:00 UTC after now: the daily digest subscribed below is due then. */
const nextNine = (): string => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCHours(9, 0, 0, 0);
  return d.toISOString();
};
const refsIn = (path: string): { conversation_id: string }[] => {
  const file = new Database(path, { readonly: true });
  try {
    return file.prepare('SELECT conversation_id FROM conversation_refs').all() as { conversation_id: string }[];
  } finally {
    file.close();
  }
};

describe("the bot's token", () => {
  it('never reaches a service URL planted while the server ran without credentials', async () => {
    const path = db();
    const evil = await attacker();
    try {
      // 1. No credentials (local mode): a reference to a loopback "connector" is kept, as the Playground needs.
      const open = await serve(baseEnv(path));
      expect((await post(`${open.url}/api/messages`, install(evil.url))).status).toBe(200);
      await open.stop();
      // The store writes once per event-loop turn: the reference may land just after the reply.
      await expect.poll(() => refsIn(path).map((r) => r.conversation_id)).toEqual([GROUP]);
      const subscribed = await cli(['digest', 'subscribe', '--platform', 'teams', '--channel', GROUP, '--schedule', '0 9 * * *'], baseEnv(path));
      expect(subscribed.code).toBe(0);
      const before = evil.hits.length;

      // 2. Credentials are added, and the digest falls due.
      const run = await cli(['digest', 'run', '--at', nextNine()], withCredentials(path));
      expect(run.err).toMatch(/failed sub_\w+ \(19:group-chat-1@thread\.v2\): no conversation reference/);
      expect(evil.hits.slice(before)).toEqual([]);
      expect(microsoft.tokenRequests).toEqual([]);
      expect(refsIn(path)).toEqual([]);
    } finally {
      await evil.close();
    }
  });

  it('goes only to Bot Framework hosts, even for a reference saved from an authenticated activity', async () => {
    const path = db();
    const evil = await attacker();
    const server = await serve(withCredentials(path));
    try {
      // A correctly signed activity whose service URL is not a Bot Framework host.
      const res = await post(`${server.url}/api/messages`, install(evil.url), { authorization: `Bearer ${microsoft.channelToken(APP_ID, evil.url)}` });
      expect(res.status).toBe(200);
      expect(records(server.output()).some((r) => JSON.stringify(r).includes('not a Bot Framework service URL'))).toBe(true);
    } finally {
      await server.stop();
    }
    try {
      // Read once the server has stopped: it writes references off the request path, after the reply.
      expect(refsIn(path).map((r) => r.conversation_id)).toEqual([GROUP]);
      expect((await cli(['digest', 'subscribe', '--platform', 'teams', '--channel', GROUP, '--schedule', '0 9 * * *'], baseEnv(path))).code).toBe(0);
      const run = await cli(['digest', 'run', '--at', nextNine()], withCredentials(path));
      expect(run.err).toMatch(/not sent: not a Bot Framework service URL/);
      expect(evil.hits).toEqual([]);
      expect(microsoft.tokenRequests).toEqual([]);
    } finally {
      await evil.close();
    }
  });

  it('does go, for replies and digests, to an https host the operator named, after an authenticated install', async () => {
    const path = db();
    const tls = localCertificate();
    const connector = await new Connector(tls).start();
    // 127.0.0.1 stands in for a Bot Framework host: named by the operator, and trusted through its certificate.
    const env = { ...withCredentials(path), WHICH_TOOL_TEAMS_SERVICE_HOSTS: '127.0.0.1', NODE_EXTRA_CA_CERTS: tls.certFile };
    const server = await serve(env);
    try {
      const res = await post(`${server.url}/api/messages`, install(connector.url), { authorization: `Bearer ${microsoft.channelToken(APP_ID, connector.url)}` });
      expect(res.status).toBe(200);
      expect(connector.received).toHaveLength(1);
      expect(connector.authorizations).toEqual([`Bearer ${microsoft.issued[0]}`]);
    } finally {
      await server.stop();
    }
    try {
      expect((await cli(['digest', 'subscribe', '--platform', 'teams', '--channel', GROUP, '--schedule', '0 9 * * *'], baseEnv(path))).code).toBe(0);
      const run = await cli(['digest', 'run', '--at', nextNine()], env);
      expect(run.out).toContain('1 sent');
      expect(connector.received).toHaveLength(2);
      expect(connector.authorizations[1]).toMatch(/^Bearer bot-token-from-stand-in-\d+$/);
      expect(microsoft.tokenRequests.every((r) => r.client_id === APP_ID && r.grant_type === 'client_credentials')).toBe(true);
    } finally {
      await connector.stop();
    }
  });
});
