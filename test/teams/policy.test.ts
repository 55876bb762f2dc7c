// The company's AI policy through the real Teams path: Bot Framework activities into the
// botbuilder adapter on the real server (local mode), replies to a connector stand-in, the
// policy log in SQLite.
import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/render/adaptive-card.js';
import { PROHIBITED, usePolicedServer } from '../helpers/policy-server.js';
import { actionsOf, adaptiveCardProblems, cardAction, cardText, invoke, message, post, TENANT } from './support.js';

const env = usePolicedServer();
const SHOTS = 'I need 300 product shots a month for the shop';
const url = (): string => `${env.server.url}/api/messages`;

/** The card the bot posts in answer to a message. */
async function say(text: string, type: 'personal' | 'channel' = 'personal'): Promise<AdaptiveCard> {
  env.connector.clear();
  const res = await post(url(), message(env.connector.url, type, text));
  expect(res.status).toBe(200);
  const card = env.connector.received[0]!.body.attachments![0]!.content;
  expect(adaptiveCardProblems(card)).toEqual([]);
  return card;
}

/** Presses a button (Action.Execute): the card that replaces the pressed one. */
async function press(verb: string, data: unknown): Promise<AdaptiveCard> {
  const res = await post(url(), cardAction(env.connector.url, verb, data));
  expect(res.status).toBe(200);
  const card = res.body!.value as AdaptiveCard;
  expect(adaptiveCardProblems(card)).toEqual([]);
  return card;
}

describe('Teams under a company AI policy', () => {
  it('a kind with every tool prohibited: the answer says so, offers Request access, and shows none of them', async () => {
    const card = await say(SHOTS);
    expect(cardText(card)).toContain('Your AI policy allows no image generator. Ask for one at https://it.initech.example/ai-access.');
    expect(actionsOf(card).find((a) => a.verb === 'request_access')).toMatchObject({ title: 'Request access: an image generator', data: { access: 'image' } });
    for (const name of PROHIBITED) expect(JSON.stringify(card)).not.toContain(name);
    await expect.poll(() => env.policyLog()).toContainEqual({ kind: 'unapproved', subject: 'image', status: 'prohibited', surface: 'teams', workspace: TENANT });
  });

  it('a data rule that leaves no tool: its notice comes first, and the kind stays without tools', async () => {
    const card = await say("summarize the patient's chart for the handover", 'channel');
    const lines = cardText(card).split('\n');
    expect(lines.findIndex((l) => l.includes('no patient data in any AI tool'))).toBe(0);
    expect(cardText(card)).toContain('Your AI policy allows no language model with health data.');
    await expect.poll(() => env.policyLog()).toContainEqual(expect.objectContaining({ kind: 'data', subject: 'health', surface: 'teams' }));
  });

  it('a request naming two tools says what the policy says of each and offers what is allowed instead', async () => {
    const text = cardText(await say('copilot or cursor for the refactor?'));
    expect(text).toMatch(/GitHub Copilot \(coding assistant\)[^\n]*Approved/);
    expect(text).toMatch(/Cursor \(coding assistant\)[^\n]*Prohibited/);
    expect(text).toContain('sends code to a third party. Allowed instead: GitHub Copilot');
  });

  it('prohibited tools stay hidden after Other options, Compare and Back, and in the search extension', async () => {
    for (const q of [SHOTS, 'write the copy and make the images for 20 reels a week']) {
      for (const verb of ['alternatives', 'compare', 'back', 'share']) {
        const card = await press(verb, { q });
        for (const name of PROHIBITED) expect(JSON.stringify(card), `${verb}: ${q}`).not.toContain(name);
      }
      const res = await post(url(), invoke(env.connector.url, 'personal', 'composeExtension/query', { commandId: 'findTool', parameters: [{ name: 'query', value: q }] }));
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).toContain('allows no image generator');
      for (const name of PROHIBITED) expect(JSON.stringify(res.body)).not.toContain(name);
    }
  });

  it('Request access is recorded once per person and answered with the access page, in place', async () => {
    const card = await press('request_access', { q: SHOTS, access: 'Suno AI' });
    expect(cardText(card)).toContain('Request access to Suno AI');
    expect(JSON.stringify(card)).toContain('"url":"https://it.initech.example/ai-access"');
    await press('request_access', { q: SHOTS, access: 'suno ai' });
    await expect.poll(() => env.policyLog().filter((l) => l.kind === 'access')).toEqual([{ kind: 'access', subject: 'Suno AI', status: null, surface: 'teams', workspace: TENANT }]);
    // Action.Submit hosts send the press as a message: the pressed card is updated the same way.
    env.connector.clear();
    const res = await post(url(), { ...message(env.connector.url, 'personal', ''), text: undefined, value: { verb: 'request_access', q: SHOTS, access: 'image' }, replyToId: 'card-1' });
    expect(res.status).toBe(200);
    expect(env.connector.received[0]).toMatchObject({ method: 'PUT', activityId: 'card-1' });
    await expect.poll(() => env.policyLog().filter((l) => l.kind === 'access').map((l) => l.subject)).toEqual(['Suno AI', 'image']);
  });

  it('a tampered Request access payload gets a polite reply and counts nothing', async () => {
    const before = env.policyLog().length;
    for (const data of [{ q: SHOTS, access: 'Evil Tool' }, { q: SHOTS }, { q: SHOTS, access: 'x'.repeat(500) }]) {
      expect(cardText(await press('request_access', data))).toMatch(/could not be read/);
    }
    expect(env.policyLog()).toHaveLength(before);
  });

  it('"@Which Tool policy" shows the policy in force to anyone, and help mentions it', async () => {
    const text = cardText(await say('policy', 'channel'));
    expect(text.split('\n')[0]).toBe('Initech AI policy');
    expect(text).toMatch(/Prohibited \(\d+\)/);
    expect(text).toContain('https://it.initech.example/ai-access');
    expect(cardText(await say('help'))).toContain('“policy”');
  });
});
