// The reply path to the Bot Connector: plain REST from the adapter, as Teams' connector expects.
import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/render/adaptive-card.js';
import { cardText, message, post, useTeamsBot } from './support.js';

describe('replies to the connector', () => {
  const env = useTeamsBot();

  it('post the answer as a reply, without credentials in local mode', async () => {
    const res = await post(env.bot.url, message(env.connector.url, 'personal', 'a catchy jingle for a radio ad'));
    expect(res.status).toBe(200);
    expect(env.connector.received).toHaveLength(1);
    expect(env.connector.received[0]!.method).toBe('POST');
    expect(env.connector.received[0]!.activityId).toBeDefined();
    expect(env.connector.authorizations).toEqual([undefined]);
  });

  it('turn a refused reply into a polite card, never an error to the caller', async () => {
    env.connector.failNext = 1;
    const res = await post(env.bot.url, message(env.connector.url, 'personal', 'a catchy jingle for a radio ad'));
    expect(res.status).toBe(200);
    expect(env.connector.received).toHaveLength(2);
    expect(cardText(env.connector.received[1]!.body.attachments![0]!.content as AdaptiveCard)).toMatch(/Sorry, something went wrong/);
  });
});
