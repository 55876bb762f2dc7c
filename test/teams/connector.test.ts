// The reply path to the Bot Connector: plain REST from the adapter, as Teams' connector expects.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/render/adaptive-card.js';
import { Connector, cardText, message, post, startBot, type Bot } from './support.js';

describe('replies to the connector', () => {
  let connector: Connector;
  let bot: Bot;
  beforeAll(async () => {
    connector = await new Connector().start();
    bot = await startBot();
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  it('post the answer as a reply, without credentials in local mode', async () => {
    const res = await post(bot.url, message(connector.url, 'personal', 'a catchy jingle for a radio ad'));
    expect(res.status).toBe(200);
    expect(connector.received).toHaveLength(1);
    expect(connector.received[0]!.method).toBe('POST');
    expect(connector.received[0]!.activityId).toBeDefined();
    expect(connector.authorizations).toEqual([undefined]);
  });

  it('turn a refused reply into a polite card, never an error to the caller', async () => {
    connector.failNext = 1;
    const res = await post(bot.url, message(connector.url, 'personal', 'a catchy jingle for a radio ad'));
    expect(res.status).toBe(200);
    expect(connector.received).toHaveLength(2);
    expect(cardText(connector.received[1]!.body.attachments![0]!.content as AdaptiveCard)).toMatch(/Sorry, something went wrong/);
  });
});
