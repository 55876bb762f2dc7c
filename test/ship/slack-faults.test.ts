// Slack's Web API down (nothing listening) or slow (every call answered after 10 s): slash
// commands are still acked in under 3 s and still answered — in the ack itself, or, for
// commands that ask the API first (digest settings read the user's time zone and membership),
// through response_url once the lookup gives up (2.5 s): politely, without changing anything.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommand } from '../slack/helpers/payloads.js';
import { postToSlackRoute } from '../slack/helpers/signed.js';
import { SECRETS, startShipped, type Shipped } from './fixture.js';
import { freePort } from '../helpers/free-port.js';

const ACK_LIMIT_MS = 3_000;
const signed = { secret: SECRETS.SLACK_SIGNING_SECRET };

async function slowApi(delayMs: number): Promise<{ url: string; calls: string[]; stop: () => Promise<void> }> {
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    calls.push(req.url ?? '');
    req.resume();
    const t = setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true,"user":{"id":"U0ALICE","tz":"Europe/Berlin"},"user_id":"U0BOT","bot_id":"B0BOT"}');
    }, delayMs);
    res.on('close', () => clearTimeout(t));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  return { url, calls, stop: async () => (server.closeAllConnections(), await new Promise<void>((r) => server.close(() => r()))) };
}

/** A port that was just free: nothing listens there, so every call is refused at once. */
async function deadApiUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}/api/`;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

function slackCases(name: string, apiUrl: () => Promise<string>, answerWithinMs: number) {
  describe(name, () => {
    let s: Shipped;
    beforeAll(async () => {
      s = await startShipped({ SLACK_API_URL: await apiUrl() });
    });
    afterAll(() => s.stop());

    it('acks a request in under 3 s with the answer in the ack', async () => {
      const { ms, value } = await timed(() => postToSlackRoute(s.server.url, { ...slashCommand('make a jingle for our podcast', s.slack.responseUrl('a')), ...signed }));
      expect(value.status).toBe(200);
      expect(ms).toBeLessThan(ACK_LIMIT_MS);
      expect(JSON.stringify(value.json)).toMatch(/audio|music|jingle/i);
    });

    it('acks a digest command in under 3 s and answers it through response_url', async () => {
      const { ms, value } = await timed(() => postToSlackRoute(s.server.url, { ...slashCommand('digest weekly monday 09:00', s.slack.responseUrl('digest')), ...signed }));
      expect(value.status).toBe(200);
      expect(ms).toBeLessThan(ACK_LIMIT_MS);
      const [answer] = await s.slack.waitFor('response_url', 1, answerWithinMs);
      expect(answer!.path).toBe('/response/digest');
      expect(JSON.stringify(answer!.body.blocks)).toMatch(/digest/i);
    }, answerWithinMs + 10_000);
  });
}

let slow: Awaited<ReturnType<typeof slowApi>>;
beforeAll(async () => {
  slow = await slowApi(10_000);
});
afterAll(() => slow.stop());

slackCases('Slack API down', deadApiUrl, 10_000);
// The lookup is not waited for past 2.5 s, however long the client would retry.
slackCases('Slack API answering after 10 s', async () => slow.url, 8_000);

describe('the slow API was really called', () => {
  it('saw the calls the server made', () => {
    expect(slow.calls.some((c) => c.includes('users.info'))).toBe(true);
  });
});
