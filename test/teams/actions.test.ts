// Card buttons: Action.Execute invokes answered with the updated card in place, the
// Action.Submit fallback updating the pressed message, and tampered data ending politely.
import { describe, expect, it } from 'vitest';
import { adaptiveCardProblems, actionsOf, cardAction, cardText, message, post, TENANT, useTeamsBot } from './support.js';
import type { AdaptiveCard } from '../../src/render/adaptive-card.js';

describe('Teams card actions', () => {
  const env = useTeamsBot();

  /** Presses a button: returns the card that replaces the pressed one. */
  const press = async (verb: string, data: unknown, type: 'personal' | 'channel' = 'personal'): Promise<AdaptiveCard> => {
    const res = await post(env.bot.url, cardAction(env.connector.url, verb, data, type));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const card = res.body!.value as AdaptiveCard;
    expect(adaptiveCardProblems(card)).toEqual([]);
    // Updated in place: nothing is posted to the conversation.
    expect(env.connector.received).toEqual([]);
    return card;
  };

  /** The buttons of the answer the env.bot gives to `q`, as a person would see them. */
  const answerButtons = async (q: string) => {
    await post(env.bot.url, message(env.connector.url, 'personal', q));
    const card = env.connector.received[0]!.body.attachments![0]!.content;
    env.connector.clear();
    return actionsOf(card);
  };

  it('"Other options" shows the alternatives, with a way back', async () => {
    const q = 'a product demo video with voiceover and a short script';
    const buttons = await answerButtons(q);
    const other = buttons.find((b) => b.verb === 'alternatives');
    expect(other, 'answer offers other options').toBeDefined();
    const card = await press(other!.verb!, other!.data);
    const alternatives = env.bot.recommender.ask(q).recommendations.slice(1);
    expect(cardText(card)).toContain('Other options');
    for (const r of alternatives) expect(cardText(card)).toContain(r.verdict);
    const back = actionsOf(card).find((a) => a.verb === 'back')!;
    const again = await press('back', back.data);
    expect(cardText(again)).toContain(env.bot.recommender.ask(q).recommendations[0]!.verdict);
  });

  // Counting once per person and answer is the shared vote's, tested on both surfaces (test/surface/same-buttons.test.ts).
  it('👍 and 👎 replace the card with the same answer, without the feedback buttons, saying the vote is noted', async () => {
    const buttons = await answerButtons('write unit tests for this React component');
    const before = env.bot.store.feedback.length;
    const afterUp = await press('feedback_up', buttons.find((b) => b.verb === 'feedback_up')!.data, 'channel');
    expect(env.bot.store.feedback.slice(before)).toMatchObject([{ surface: 'teams', workspace: TENANT, helpful: true, category: 'code' }]);
    expect(actionsOf(afterUp).some((a) => a.verb?.startsWith('feedback'))).toBe(false);
    expect(cardText(afterUp)).toMatch(/noted/);
    // Without corrections kept (no database here), 👎 is thanked the same way.
    const afterDown = await press('feedback_down', (await answerButtons('a catchy jingle for a radio ad')).find((b) => b.verb === 'feedback_down')!.data);
    expect(cardText(afterDown)).toMatch(/👎 noted/);
  });

  it('a clarifying choice answers for the chosen category', async () => {
    const card = await press('clarify', { verb: 'clarify', q: 'something for our podcast', prefer: 'audio' });
    expect(cardText(card)).toContain(env.bot.recommender.ask('something for our podcast', { prefer: 'audio' }).recommendations[0]!.verdict);
    expect(actionsOf(card).some((a) => a.verb === 'clarify')).toBe(false);
  });

  it('an example button answers the example, and logs it as a request', async () => {
    const before = env.bot.store.requests.length;
    const card = await press('example', { verb: 'example', q: 'a catchy jingle for a radio ad' });
    expect(cardText(card)).toContain(env.bot.recommender.ask('a catchy jingle for a radio ad').recommendations[0]!.verdict);
    expect(env.bot.store.requests.length).toBe(before + 1);
  });

  it.each([
    ['unknown verb', 'explode', { q: 'x' }],
    ['no data', 'compare', null],
    ['data not an object', 'compare', 'rm -rf /'],
    ['query too long', 'compare', { q: 'x'.repeat(5000) }],
    ['empty query', 'alternatives', { q: '   ' }],
    ['unknown category', 'clarify', { q: 'make a video', prefer: 'teleport' }],
  ])('tampered data (%s) gets a polite card, never an error', async (_name, verb, data) => {
    const card = await press(verb, data);
    expect(cardText(card)).toMatch(/could not be read/);
  });

  it('an invoke without any value still gets a polite card', async () => {
    const res = await post(env.bot.url, { ...cardAction(env.connector.url, 'x', {}), value: undefined });
    expect(res.status).toBe(200);
    expect(cardText((res.body!.value as AdaptiveCard))).toMatch(/could not be read/);
  });

  it('Action.Submit fallback: a message carrying the data updates the pressed card', async () => {
    const submit = { ...message(env.connector.url, 'groupChat', ''), text: undefined, entities: [], replyToId: 'card-42', value: { verb: 'alternatives', q: 'a product demo video with voiceover and a short script' } };
    const res = await post(env.bot.url, submit);
    expect(res.status).toBe(200);
    expect(env.connector.received).toHaveLength(1);
    const update = env.connector.received[0]!;
    expect(update.method).toBe('PUT');
    expect(update.activityId).toBe('card-42');
    const card = update.body.attachments![0]!.content;
    expect(cardText(card)).toContain('Other options');
    expect(actionsOf(card).every((a) => a.type === 'Action.Submit')).toBe(true);
  });
});
