// Finding 7 (low): no length limits on client-supplied fields (a Teams feedback `v` of 512 KB was
// stored as is), forged or malformed Bot Framework tokens answered 500, botframework-connector
// wrote straight to stderr, and malformed activities got 500 with a stack. Now every field read
// or stored has a limit, any authentication failure is a 401, library console output goes through
// the logger, and what is not an activity gets 400.
import { generateKeyPairSync, createSign } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../digest/built-cli.js';
import { SECRETS } from '../ship/fixture.js';
import { MicrosoftStandIn } from '../teams/microsoft-stand-in.js';
import { activity, cardAction, Connector, message, post } from '../teams/support.js';
import { baseEnv, records, scratch, serve } from './support.js';

const db = scratch();
const APP_ID = '00000000-0000-4000-8000-00000000c0de';
let microsoft: MicrosoftStandIn;
beforeAll(async () => {
  ensureBuilt();
  microsoft = await new MicrosoftStandIn().start();
}, 120_000);
afterAll(() => microsoft.stop());

describe('client-supplied fields in local mode', () => {
  it('refuses oversized button data and stores nothing; answers non-activities with 400 and no internals', async () => {
    const path = db();
    const connector = await new Connector().start();
    const server = await serve({ ...baseEnv(path), WHICH_TOOL_RATE_LIMIT: '0' });
    try {
      const url = `${server.url}/api/messages`;
      for (const data of [{ verb: 'feedback_up', q: 'a catchy jingle for a radio ad', v: 'v'.repeat(40_000) }, { verb: 'feedback_down', q: 'x'.repeat(3_000) }]) {
        const res = await post(url, cardAction(connector.url, data.verb, data));
        expect(res.status).toBe(200);
        expect(JSON.stringify(res.body)).toContain('That button could not be read');
      }
      const malformed: unknown[] = [
        { type: 'message', text: 'no service URL' },
        { type: 5, serviceUrl: connector.url },
        { ...message(connector.url, 'personal', 'hi'), conversation: { id: { $gt: '' } } },
        { ...message(connector.url, 'personal', 'hi'), from: { id: 'u'.repeat(5_000) } },
        { ...message(connector.url, 'personal', 'hi'), channelData: { tenant: { id: 't'.repeat(1_000) } } },
        activity(connector.url, 'personal', { type: 'message', conversation: { id: 'c'.repeat(2_000) } }),
      ];
      for (const body of malformed) {
        const res = await post(url, body);
        expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(res.text).not.toMatch(/\.js|stack|TypeError/);
      }
      expect(connector.received).toEqual([]);
    } finally {
      await server.stop();
      await connector.stop();
    }
    const file = new Database(path, { readonly: true });
    try {
      expect(file.prepare('SELECT COUNT(*) AS n FROM feedback').get()).toEqual({ n: 0 });
      expect(file.prepare('SELECT COUNT(*) AS n FROM request_log').get()).toEqual({ n: 0 });
    } finally {
      file.close();
    }
  });
});

describe('Bot Framework tokens', () => {
  it('answers 401 to forged, expired and misaddressed tokens, with library output through the logger', async () => {
    const connector = await new Connector().start();
    const server = await serve({ ...baseEnv(db()), HOST: '127.0.0.1', MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: SECRETS.MICROSOFT_APP_PASSWORD, MICROSOFT_OPENID_METADATA_URL: microsoft.openIdMetadataUrl });
    try {
      const body = message(connector.url, 'personal', 'make a jingle');
      // Signed with a key of the attacker's, under the stand-in key's id.
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const [head, claims] = microsoft.channelToken(APP_ID, connector.url).split('.');
      const forged = `${head}.${claims}.${createSign('RSA-SHA256').update(`${head}.${claims}`).sign(privateKey).toString('base64url')}`;
      const tokens = [
        forged,
        microsoft.channelToken(APP_ID, connector.url, { exp: Math.floor(Date.now() / 1000) - 3_600, nbf: Math.floor(Date.now() / 1000) - 7_200 }),
        microsoft.channelToken('another-app', connector.url),
        'not.a.jwt',
      ];
      for (const t of tokens) {
        const res = await post(`${server.url}/api/messages`, body, { authorization: `Bearer ${t}` });
        expect(res.status).toBe(401);
        expect(res.text).toBe('{"error":"unauthorized"}');
      }
      // The genuine article is accepted (its reply is refused: 127.0.0.1 is no Bot Framework host).
      expect((await post(`${server.url}/api/messages`, body, { authorization: `Bearer ${microsoft.channelToken(APP_ID, connector.url)}` })).status).toBe(200);
      expect(connector.received).toEqual([]);
    } finally {
      await server.stop();
      await connector.stop();
    }
    // Every line the process wrote is a log record (or the start-up guide): no raw stack traces.
    const out = server.output();
    expect(out).not.toMatch(/^\s+at /m);
    const lines = records(out);
    expect(lines.some((l) => l.component === 'console' && String(l.text).includes('Error finding key'))).toBe(true);
    expect(out).not.toContain('BEGIN PUBLIC KEY');
  });
});
