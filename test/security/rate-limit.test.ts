// Finding 8 (low): no per-person rate limit on any surface. Now WHICH_TOOL_RATE_LIMIT requests a
// minute per person (default 20, 0 turns it off, per the contract): over it the person reads
// "Too many requests: try again in N s", nothing is answered and nothing is logged; a chat
// message gets that note once per streak, not a reply per message. A vote counts once per answer.
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../digest/built-cli.js';
import { SECRETS } from '../ship/fixture.js';
import { blockAction, CHANNEL, slashCommand } from '../slack/helpers/payloads.js';
import { postToSlackRoute } from '../slack/helpers/signed.js';
import { SlackStandIn } from '../slack/helpers/stand-in.js';
import { Connector, message, post } from '../teams/support.js';
import { baseEnv, scratch, serve } from './support.js';

const db = scratch();
beforeAll(() => ensureBuilt(), 120_000);

const rows = (path: string, table: string): number => {
  const file = new Database(path, { readonly: true });
  try {
    return (file.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    file.close();
  }
};

describe('the per-person rate limit', () => {
  it('answers a person over the limit politely on Slack and Teams, does no work and logs nothing', async () => {
    const path = db();
    const slack = await new SlackStandIn().start();
    const connector = await new Connector().start();
    const server = await serve({ ...baseEnv(path), HOST: '127.0.0.1', SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: slack.apiUrl, WHICH_TOOL_TEAMS_LOCAL: '1', WHICH_TOOL_RATE_LIMIT: '3' });
    const signed = { secret: SECRETS.SLACK_SIGNING_SECRET };
    try {
      const asked: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await postToSlackRoute(server.url, { ...slashCommand(`write ${i + 2} product descriptions a day`, slack.responseUrl('c')), ...signed });
        expect(res.status).toBe(200);
        asked.push(JSON.stringify(res.json));
      }
      expect(asked.slice(0, 3).every((a) => a.includes('blocks'))).toBe(true);
      for (const a of asked.slice(3)) expect(JSON.parse(a)).toEqual({ response_type: 'ephemeral', text: expect.stringMatching(/^Too many requests: try again in \d+ s\.$/) });
      // Another person is not affected.
      const other = slashCommand('a catchy jingle for a radio ad', slack.responseUrl('o')).body.replace('U0ALICE', 'U0BOB');
      expect(JSON.stringify((await postToSlackRoute(server.url, { body: other, contentType: 'application/x-www-form-urlencoded', ...signed })).json)).toContain('blocks');
      // Buttons count too: a third person's fourth press is acknowledged and told once, privately;
      // the fifth is only acknowledged.
      const press = (n: number) => blockAction({ actionId: 'alternatives', value: JSON.stringify({ q: 'a logo' }), responseUrl: slack.responseUrl(`b${n}`) });
      for (let n = 1; n <= 5; n++) {
        const p = press(n);
        expect((await postToSlackRoute(server.url, { ...p, body: p.body.replaceAll('U0ALICE', 'U0CAROL'), ...signed })).status).toBe(200);
      }
      await slack.waitFor('response_url', 4);
      await new Promise((r) => setTimeout(r, 300));
      // By name, not arrival: the refusal is quicker to post than the third press's answer.
      const replies = slack.named('response_url');
      expect(replies.map((c) => c.path).sort()).toEqual(['/response/b1', '/response/b2', '/response/b3', '/response/b4']);
      expect(JSON.stringify(replies.find((c) => c.path === '/response/b4')!.body)).toContain('Too many requests');

      // Teams: four messages from one person; the fourth is told once, the fifth gets nothing.
      for (let i = 0; i < 5; i++) expect((await post(`${server.url}/api/messages`, message(connector.url, 'personal', `a logo for shop number ${i}`))).status).toBe(200);
      expect(connector.received).toHaveLength(4);
      expect(connector.received.slice(0, 3).every((r) => r.body.attachments?.length === 1)).toBe(true);
      expect(connector.received[3]!.body.text).toMatch(/^Too many requests: try again in \d+ s\.$/);
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(/which_tool_requests_refused_total\{surface="slack",reason="rate_limited"\} 4/);
      expect(metrics).toMatch(/which_tool_requests_refused_total\{surface="teams",reason="rate_limited"\} 2/);
    } finally {
      await server.stop();
      await slack.stop();
      await connector.stop();
    }
    // Three answered Slack requests, one from the other person, three from Teams: nothing else was logged.
    expect(rows(path, 'request_log')).toBe(7);
    expect(rows(path, 'history')).toBe(4);
  });

  it('is off with WHICH_TOOL_RATE_LIMIT=0, and 20 a minute by default', async () => {
    const slack = await new SlackStandIn().start();
    const signed = { secret: SECRETS.SLACK_SIGNING_SECRET };
    const env = { ...baseEnv(db()), HOST: '127.0.0.1', SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: slack.apiUrl };
    const count = async (extra: Record<string, string>): Promise<number> => {
      const server = await serve({ ...env, ...extra });
      try {
        let answered = 0;
        for (let i = 0; i < 25; i++) {
          const res = await postToSlackRoute(server.url, { ...slashCommand(`translate ${i + 1} menus into Japanese`, slack.responseUrl('d'), CHANNEL), ...signed });
          if (JSON.stringify(res.json).includes('blocks')) answered++;
        }
        return answered;
      } finally {
        await server.stop();
      }
    };
    try {
      expect(await count({})).toBe(20);
      expect(await count({ WHICH_TOOL_RATE_LIMIT: '0' })).toBe(25);
    } finally {
      await slack.stop();
    }
  });
});
