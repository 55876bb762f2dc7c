// The corrections flow in Teams, through the real botbuilder adapter: Action.Execute invokes
// answered with the updated card in place, a real SQLite file, owners named by Entra object id.
import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/render/adaptive-card.js';
import { actionsOf, adaptiveCardProblems, cardText, message, post, TENANT, USER } from '../teams/support.js';
import { ownersDigest, pressInTeams, useChatServer, type ChatServer } from '../helpers/chat-server.js';

const OWNER = { id: '29:user-olu', name: 'Olu Owner', aadObjectId: '6F0C1D2E-0000-4000-8000-00000000AB12' };
const NOTHING = 'book a meeting room for tuesday';
/** A team named as owners: its members may decide. */
const OWNERS_TEAM = '19:0a1b2c3d4e5f@thread.tacv2';

/** The answer card a personal chat gets for `q`. */
async function ask(chat: ChatServer, q: string): Promise<AdaptiveCard> {
  expect((await post(`${chat.server.url}/api/messages`, message(chat.connector.url, 'personal', q))).status).toBe(200);
  await expect.poll(() => chat.connector.received.length).toBe(1);
  const card = chat.connector.received[0]!.body.attachments![0]!.content;
  chat.connector.clear();
  return card;
}

/** Presses a button of `card` with this verb (and, for kinds, this kind); checks the card that comes back. */
async function press(chat: ChatServer, card: AdaptiveCard, verb: string, pick: (data: Record<string, unknown>) => boolean = () => true, from?: Record<string, string>) {
  const action = actionsOf(card).find((a) => a.verb === verb && pick(a.data));
  expect(action, `a ${verb} button`).toBeDefined();
  const next = await pressInTeams(chat, verb, action!.data, from);
  expect(adaptiveCardProblems(next)).toEqual([]);
  // In place: nothing is posted to the conversation.
  expect(chat.connector.received).toEqual([]);
  return next;
}

describe('Teams: what did you need?', () => {
  // Owners' ids compare without case: Entra shows object ids in either.
  const env = useChatServer({ WHICH_TOOL_OWNERS: `${OWNER.aadObjectId.toLowerCase()}, ${OWNERS_TEAM}` });

  it('"Not helpful" turns the answer into the kinds, saying the text goes to the owners', async () => {
    const kinds = await press(env.chat, await ask(env.chat, 'a jingle for our bakery radio ad'), 'feedback_down');
    expect(actionsOf(kinds).filter((a) => a.verb === 'kind').map((a) => a.title)).toEqual(['Language', 'Code', 'Image', 'Video', 'Audio', '3D', 'Several at once', 'Not an AI-tool question']);
    expect(actionsOf(kinds).every((a) => a.type === 'Action.Execute')).toBe(true);
    expect(cardText(kinds)).toContain("the text of your request go to this catalog's owners");
    const industry = (kinds.body as unknown as { type: string; id?: string; choices?: { value: string }[] }[]).find((e) => e.type === 'Input.ChoiceSet')!;
    expect(industry.id).toBe('industry');
    expect(industry.choices!.map((c) => c.value)).toEqual([...env.chat.server.recommender.catalog.industries.keys()]);
    // Teams sends the pick in the pressed action's data.
    const pressed = actionsOf(kinds).find((a) => a.data.kind === 'audio')!;
    await pressInTeams(env.chat, 'kind', { ...pressed.data, industry: 'marketing' });
    expect((await env.chat.corrections()).at(-1)!.chosen).toEqual({ category: 'audio', industry: 'marketing' });
  });

  it('"Something else…" on nothing fits, then a choice: stored with its fields and thanked; markup stays text', async () => {
    const q = `${NOTHING} <at>Everyone</at> [x](https://evil.example)`;
    const answer = await ask(env.chat, q);
    expect(cardText(answer)).toContain('No AI tool fits that');
    const kinds = await press(env.chat, answer, 'something_else');
    expect(JSON.stringify(kinds.body)).not.toContain('<at>');
    const thanks = await press(env.chat, kinds, 'kind', (d) => d.kind === 'none');
    expect(cardText(thanks)).toContain('Thanks: noted that you needed no AI tool');
    const c = (await env.chat.corrections()).at(-1)!;
    expect(c).toMatchObject({ surface: 'teams', workspace: TENANT, answered: { category: null }, chosen: { category: 'none', industry: null }, status: 'pending', modelVersion: env.chat.server.recommender.modelVersion });
    expect(c.text).toContain(NOTHING);
    expect(JSON.stringify(c)).not.toContain(USER.aadObjectId);
  });

  it('an owner accepts from the digest’s Action.Execute; anyone else is refused and nothing changes', async () => {
    const kinds = await press(env.chat, await ask(env.chat, 'summarize our vendor contracts for compliance'), 'feedback_down');
    await press(env.chat, kinds, 'kind', (d) => d.kind === 'code');
    const mine = (await env.chat.corrections()).at(-1)!;
    const { teams } = await ownersDigest(env.chat, 'teams', TENANT);
    expect(adaptiveCardProblems(teams)).toEqual([]);
    expect(actionsOf(teams).filter((a) => a.data.id === mine.id).map((a) => a.verb)).toEqual(['correction_accept', 'correction_reject']);

    const refused = await press(env.chat, teams, 'correction_accept', (d) => d.id === mine.id);
    expect(cardText(refused)).toContain("Only the catalog's owners");
    expect((await env.chat.server.corrections!.service.get(mine.id))!.status).toBe('pending');

    const done = await press(env.chat, teams, 'correction_accept', (d) => d.id === mine.id, OWNER);
    expect(cardText(done)).toContain('Correction accepted');
    expect(await env.chat.server.corrections!.service.get(mine.id)).toMatchObject({ status: 'accepted', decidedBy: `teams:${OWNER.aadObjectId}` });
    const rejected = await press(env.chat, teams, 'correction_reject', (d) => d.id === mine.id, OWNER);
    expect(cardText(rejected)).toContain('its effect is undone');
    expect((await env.chat.server.corrections!.service.get(mine.id))!.status).toBe('rejected');
  });

  it('a member of a team named in WHICH_TOOL_OWNERS decides, asked of the connector; someone not in it is refused', async () => {
    const kinds = await press(env.chat, await ask(env.chat, 'a looping background track for the lobby'), 'feedback_down');
    await press(env.chat, kinds, 'kind', (d) => d.kind === 'video');
    const mine = (await env.chat.corrections()).at(-1)!;
    const { teams } = await ownersDigest(env.chat, 'teams', TENANT);
    const LEAD = { id: '29:user-lee', name: 'Lee Lead', aadObjectId: '0B5E9A40-1111-4000-8000-00000000CD34' };

    const refused = await press(env.chat, teams, 'correction_reject', (d) => d.id === mine.id, LEAD);
    expect(cardText(refused)).toContain("Only the catalog's owners");
    expect((await env.chat.server.corrections!.service.get(mine.id))!.status).toBe('pending');
    env.chat.connector.members.set(LEAD.id, { id: LEAD.id, name: LEAD.name, aadObjectId: LEAD.aadObjectId, userRole: 'user', tenantId: TENANT });
    try {
      const done = await press(env.chat, teams, 'correction_reject', (d) => d.id === mine.id, LEAD);
      expect(cardText(done)).toContain('Correction rejected');
    } finally {
      env.chat.connector.members.delete(LEAD.id);
    }
    expect(await env.chat.server.corrections!.service.get(mine.id)).toMatchObject({ status: 'rejected', decidedBy: `teams:${LEAD.aadObjectId}` });
    expect(env.chat.connector.memberLookups.slice(-2)).toEqual([`${OWNERS_TEAM} ${LEAD.id}`, `${OWNERS_TEAM} ${LEAD.id}`]);
  });

  it('answers forged data with a card a person can act on, and records or decides nothing', async () => {
    const before = await env.chat.corrections();
    const forged: [string, unknown][] = [
      ['kind', { q: NOTHING, kind: 'weapons' }],
      ['kind', { kind: 'llm' }],
      ['kind', { q: '', kind: 'llm' }],
      ['kind', { q: NOTHING, kind: 'llm', industry: 'weapons' }],
      ['something_else', 'not an object'],
      ['correction_accept', { id: '../../etc/passwd' }],
      ['correction_reject', {}],
    ];
    for (const [verb, data] of forged) {
      const card = await pressInTeams(env.chat, verb, data, OWNER);
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(cardText(card), verb).toContain('That button could not be read');
    }
    expect(await env.chat.corrections()).toEqual(before);
  });
});

describe('Teams: the hourly limit', () => {
  const env = useChatServer({ WHICH_TOOL_CORRECTION_LIMIT: '1' });

  it('thanks for the first, then answers politely and keeps no more', async () => {
    const kinds = await press(env.chat, await ask(env.chat, NOTHING), 'something_else');
    await press(env.chat, kinds, 'kind', (d) => d.kind === 'image');
    const second = await press(env.chat, kinds, 'kind', (d) => d.kind === 'video');
    expect(cardText(second)).toContain('more than the 1 corrections one person can send in an hour');
    expect((await env.chat.corrections()).map((c) => [c.chosen.category, c.flagged])).toEqual([['image', true]]);
  });
});
