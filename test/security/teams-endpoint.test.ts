// Finding 1 (high): /api/messages was open whenever MICROSOFT_APP_ID was unset, Slack-only
// production included, so anyone who reached the port could make the server post to any URL
// they named (SSRF, a port-scan oracle), plant conversation references and digests. Now it is
// mounted only with a complete Teams configuration, or in local mode, which listens on
// 127.0.0.1 by default, answers this machine only and replies to loopback service URLs only.
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../digest/built-cli.js';
import { SECRETS } from '../ship/fixture.js';
import { activity, Connector, message, post } from '../teams/support.js';
import { isLoopbackAddress } from '../../src/teams/peer.js';
import { attacker, baseEnv, records, runBriefly, scratch, serve } from './support.js';

const db = scratch();
const slackOnly = (path: string) => ({ ...baseEnv(path), HOST: '127.0.0.1', SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: 'http://127.0.0.1:9/api/' });

beforeAll(() => ensureBuilt(), 120_000);

describe('the Teams endpoint', () => {
  it('does not exist in a Slack-only deployment: an attacker gets 404 and the server sends nothing', async () => {
    const evil = await attacker();
    const server = await serve(slackOnly(db()));
    try {
      const install = activity(evil.url, 'channel', { type: 'conversationUpdate', membersAdded: [{ id: '28:which-tool-bot' }] });
      expect((await post(`${server.url}/api/messages`, install)).status).toBe(404);
      expect((await post(`${server.url}/api/messages`, message(evil.url, 'personal', 'make a jingle'))).status).toBe(404);
      await new Promise((r) => setTimeout(r, 300));
      expect(evil.hits).toEqual([]);
      const listening = records(server.output()).find((r) => String(r.msg).includes('is listening'))!;
      expect(listening.teams).toBe('off');
      expect(server.output()).toContain('Teams is off (no /api/messages)');
    } finally {
      await server.stop();
      await evil.close();
    }
  });

  it('stops start-up with one line on half a Teams configuration, naming what is missing', async () => {
    const path = db();
    const passwordOnly = await runBriefly({ ...baseEnv(path), MICROSOFT_APP_PASSWORD: SECRETS.MICROSOFT_APP_PASSWORD });
    expect(passwordOnly.code).toBe(1);
    expect(passwordOnly.out.trim()).toBe('which-tool: configuration: MICROSOFT_APP_ID is required when MICROSOFT_APP_PASSWORD is set');
    const idOnly = await runBriefly({ ...baseEnv(path), MICROSOFT_APP_ID: '00000000-0000-4000-8000-000000000001' });
    expect(idOnly.code).toBe(1);
    expect(idOnly.out.trim()).toBe('which-tool: configuration: MICROSOFT_APP_PASSWORD is required when MICROSOFT_APP_ID is set');
    expect(passwordOnly.out + idOnly.out).not.toContain(SECRETS.MICROSOFT_APP_PASSWORD);
  });

  it('in local mode listens on 127.0.0.1, serves this machine, and replies to loopback service URLs only', async () => {
    const path = db();
    const evil = await attacker();
    const connector = await new Connector().start();
    // No credentials at all: the try-out of `npm run up`, in local mode by default. No HOST given.
    const env = baseEnv(path);
    const server = await serve(env);
    try {
      const listening = records(server.output()).find((r) => String(r.msg).includes('is listening'))!;
      expect(listening).toMatchObject({ host: '127.0.0.1', teams: 'local' });
      // The Playground's way in: answered, the reply goes to the loopback connector.
      expect((await post(`${server.url}/api/messages`, message(connector.url, 'personal', 'a catchy jingle for a radio ad'))).status).toBe(200);
      expect(connector.received).toHaveLength(1);
      // Any other service URL (this one spells 127.0.0.1 as an IPv4-mapped IPv6 address): refused, nothing sent, nothing kept.
      const elsewhere = evil.url.replace('127.0.0.1', '[::ffff:127.0.0.1]');
      for (const a of [message(elsewhere, 'personal', 'make a jingle'), activity(elsewhere, 'groupChat', { type: 'conversationUpdate', membersAdded: [{ id: '28:which-tool-bot' }] })]) {
        const res = await post(`${server.url}/api/messages`, a);
        expect(res.status).toBe(403);
        expect(res.text).not.toMatch(/\.js|stack/);
      }
      // A request relayed by a proxy may come from anywhere.
      expect((await post(`${server.url}/api/messages`, message(connector.url, 'personal', 'make a logo'), { 'x-forwarded-for': '127.0.0.1' })).status).toBe(403);
      await new Promise((r) => setTimeout(r, 300));
      expect(evil.hits).toEqual([]);
      expect(connector.received).toHaveLength(1);
    } finally {
      await server.stop();
      await evil.close();
      await connector.stop();
    }
    const file = new Database(path, { readonly: true });
    try {
      expect(file.prepare('SELECT conversation_id FROM conversation_refs').all()).toEqual([]);
    } finally {
      file.close();
    }
  });

  it('runs local mode beside Slack only when asked (WHICH_TOOL_TEAMS_LOCAL=1), and never with credentials', async () => {
    const connector = await new Connector().start();
    const server = await serve({ ...slackOnly(db()), WHICH_TOOL_TEAMS_LOCAL: '1' });
    try {
      expect((await post(`${server.url}/api/messages`, message(connector.url, 'personal', 'a catchy jingle for a radio ad'))).status).toBe(200);
    } finally {
      await server.stop();
      await connector.stop();
    }
    const both = await runBriefly({ ...baseEnv(db()), WHICH_TOOL_TEAMS_LOCAL: '1', MICROSOFT_APP_ID: '00000000-0000-4000-8000-000000000001', MICROSOFT_APP_PASSWORD: SECRETS.MICROSOFT_APP_PASSWORD });
    expect(both.code).toBe(1);
    expect(both.out.trim().split('\n')).toHaveLength(1);
    expect(both.out).toMatch(/^which-tool: configuration: WHICH_TOOL_TEAMS_LOCAL=1/);
  });

  it('counts only this machine as local: loopback addresses in, every other address out', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.8.9.10']) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['10.0.0.5', '192.168.1.20', '::ffff:10.0.0.5', 'fe80::1', '172.17.0.2', undefined]) expect(isLoopbackAddress(a), String(a)).toBe(false);
  });
});
