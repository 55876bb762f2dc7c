// The corrections flow in Slack, through Bolt's HTTP receiver with signed requests and a real
// SQLite file: 👎 and "Something else…" ask for the kind, a choice becomes a correction, and
// only owners decide from the digest's buttons.
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ButtonElement } from '../../src/render/block-kit.js';
import { KIND_CHOICES } from '../../src/render/correction-card.js';
import { TEAM, USER, blockAction, slashCommand } from '../slack/helpers/payloads.js';
import { postToSlackRoute } from '../slack/helpers/signed.js';
import { ownersDigest, pickedIndustry, pressInSlack, slackButtons, useChatServer, type ChatServer } from '../helpers/chat-server.js';
import { dataWithSmallCorpus, GLIMMER, UNRELATED } from './helpers.js';

const OWNER = 'U0OWNER';
const NOTHING = 'what time is the team lunch on friday';
const IMAGES = 'I need 300 product shots a month for the shop';

/** The answer card /whichtool gives, as Slack receives it in the ack. */
async function ask(chat: ChatServer, q: string): Promise<{ blocks: unknown[] }> {
  const res = await postToSlackRoute(chat.server.url, slashCommand(q, chat.slack.responseUrl('ask')));
  expect(res.status).toBe(200);
  return res.json as { blocks: unknown[] };
}

const button = (message: { blocks?: unknown }, id: string): ButtonElement => {
  const found = slackButtons(message).find((b) => b.action_id.split('.')[0] === id);
  expect(found, `button ${id}`).toBeDefined();
  return found!;
};

/** 👎 votes in the database, read as another process would. */
function notHelpful(chat: ChatServer): number {
  const db = new Database(chat.db, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM feedback WHERE helpful = 0').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const kindButton = (card: { blocks?: unknown }, kind: string): ButtonElement =>
  slackButtons(card).find((b) => b.action_id.startsWith('kind') && JSON.parse(b.value).kind === kind)!;

describe('Slack: what did you need?', () => {
  const env = useChatServer({ WHICH_TOOL_OWNERS: `${OWNER}, S0OWNERGROUP` });
  // Slack's answer for the owners' group, for every press here (the server keeps it a minute).
  beforeEach(() => {
    env.chat.slack.answers['usergroups.users.list'] = (c) =>
      c.body.usergroup === 'S0OWNERGROUP' ? { ok: true, users: ['U0GROUPIE', 'U0OTHER'] } : { ok: false, error: 'no_such_subteam' };
  });

  it('"Not helpful" counts the vote and replaces the answer with the kinds, saying the text goes to the owners', async () => {
    const card = await pressInSlack(env.chat, button(await ask(env.chat, IMAGES), 'feedback_down'));
    expect(card).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    const kinds = slackButtons(card).filter((b) => b.action_id.split('.')[0] === 'kind');
    expect(kinds.map((b) => b.text.text)).toEqual(['Language', 'Code', 'Image', 'Video', 'Audio', '3D', 'Several at once', 'Not an AI-tool question']);
    expect(kinds.map((b) => JSON.parse(b.value).kind)).toEqual(KIND_CHOICES.map((c) => c.kind));
    expect(JSON.stringify(card.blocks)).toContain('text of your request go to this catalog');
    // The industry, optionally, as a select of the catalog's industries.
    const select = (card.blocks as { type: string; elements?: { type: string; action_id: string; options?: { value: string }[] }[] }[]).flatMap((b) => b.elements ?? []).find((e) => e.type === 'static_select')!;
    expect(select.action_id).toBe('industry');
    expect(select.options!.map((o) => o.value)).toEqual([...env.chat.server.recommender.catalog.industries.keys()]);
    // Picking it is acknowledged and answered with nothing: it goes with the kind pressed next.
    const calls = env.chat.slack.calls.length;
    expect((await postToSlackRoute(env.chat.server.url, blockAction({ actionId: 'industry', value: '' }))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(env.chat.slack.calls.length).toBe(calls);
    await expect.poll(() => notHelpful(env.chat)).toBe(1);
  });

  it('"Something else…" on a nothing-fits answer offers the same kinds', async () => {
    const answer = await ask(env.chat, NOTHING);
    expect(JSON.stringify(answer.blocks)).toContain('No AI tool fits that');
    const card = await pressInSlack(env.chat, button(answer, 'something_else'));
    expect(slackButtons(card).filter((b) => b.action_id.startsWith('kind'))).toHaveLength(8);
  });

  it('a choice is stored as a correction with everything the owners need, never the user id, and thanked', async () => {
    const kinds = await pressInSlack(env.chat, button(await ask(env.chat, NOTHING), 'something_else'));
    const thanks = await pressInSlack(env.chat, kindButton(kinds, 'llm'), undefined, pickedIndustry('education'));
    expect(JSON.stringify(thanks.blocks)).toContain('Thanks: noted that you needed a language model');
    const c = (await env.chat.corrections()).at(-1)!;
    expect(c).toMatchObject({
      surface: 'slack', workspace: TEAM, text: NOTHING, answered: { category: null }, chosen: { category: 'llm', industry: 'education' },
      catalogVersion: env.chat.server.recommender.ask(NOTHING).catalog.version, modelVersion: env.chat.server.recommender.modelVersion, status: 'pending', flagged: false,
    });
    expect(Date.now() - c.at.getTime()).toBeLessThan(10_000);
    expect(JSON.stringify(c)).not.toContain(USER);
  });

  it('shows a request holding Slack markup as text in the kinds card and in the owners’ digest, pinging no one', async () => {
    const q = 'is <!channel> a glimmerpost for <b>us</b> & <@U0BOSS>';
    const kinds = await pressInSlack(env.chat, button(await ask(env.chat, q), 'something_else'));
    const quoted = (kinds.blocks as { type: string; text?: { type: string; text: string } }[]).find((b) => b.text?.text.includes('glimmerpost'))!;
    expect(quoted.text).toMatchObject({ type: 'plain_text', text: expect.stringContaining('&lt;b&gt;us&lt;/b&gt; &amp;') });
    await pressInSlack(env.chat, kindButton(kinds, 'image'));
    // What Slack shows: every text, not the buttons' values (data it hands back, never displays).
    const shown = (v: unknown): string => JSON.stringify(v, (k, x: unknown) => (k === 'value' ? undefined : x));
    const digest = shown((await ownersDigest(env.chat, 'slack', TEAM)).slack);
    expect(digest).toContain('&lt;b&gt;us&lt;/b&gt; &amp;');
    for (const raw of [shown(kinds.blocks), digest]) expect(raw).not.toMatch(/<!channel>|<@U0BOSS>|<b>/);
  });

  it('an owner accepts from the digest’s button: the correction is accepted, by that owner', async () => {
    const kinds = await pressInSlack(env.chat, button(await ask(env.chat, 'a 15-second video ad for our app'), 'feedback_down'));
    await pressInSlack(env.chat, kindButton(kinds, '3d'));
    const mine = (await env.chat.corrections()).at(-1)!;
    const { slack } = await ownersDigest(env.chat, 'slack', TEAM);
    const accept = slackButtons(slack).find((b) => b.action_id.startsWith('correction_accept') && JSON.parse(b.value).id === mine.id)!;
    expect(slackButtons(slack).some((b) => b.action_id.startsWith('correction_reject') && JSON.parse(b.value).id === mine.id)).toBe(true);

    const refused = await pressInSlack(env.chat, accept, 'U0SOMEONE');
    expect(refused).toMatchObject({ replace_original: false });
    expect(JSON.stringify(refused.blocks)).toContain("Only the catalog's owners");
    expect((await env.chat.server.corrections!.service.get(mine.id))!.status).toBe('pending');

    const done = await pressInSlack(env.chat, accept, OWNER);
    expect(JSON.stringify(done.blocks)).toContain('Correction accepted');
    expect(await env.chat.server.corrections!.service.get(mine.id)).toMatchObject({ status: 'accepted', decidedBy: `slack:${OWNER}` });
    // The digest lists only what still waits.
    expect(JSON.stringify((await ownersDigest(env.chat, 'slack', TEAM)).slack)).not.toContain(mine.id);
  });

  it('someone in an owners’ group named in WHICH_TOOL_OWNERS decides: Slack is asked who is in it, with the workspace’s token', async () => {
    const kinds = await pressInSlack(env.chat, button(await ask(env.chat, 'a short chime for the lobby kiosk'), 'feedback_down'));
    await pressInSlack(env.chat, kindButton(kinds, 'video'));
    const mine = (await env.chat.corrections()).at(-1)!;
    const reject = slackButtons((await ownersDigest(env.chat, 'slack', TEAM)).slack).find((b) => b.action_id.startsWith('correction_reject') && JSON.parse(b.value).id === mine.id)!;

    const refused = await pressInSlack(env.chat, reject, 'U0OUTSIDER');
    expect(JSON.stringify(refused.blocks)).toContain("Only the catalog's owners");
    expect((await env.chat.server.corrections!.service.get(mine.id))!.status).toBe('pending');
    const done = await pressInSlack(env.chat, reject, 'U0GROUPIE');
    expect(JSON.stringify(done.blocks)).toContain('Correction rejected');
    expect(await env.chat.server.corrections!.service.get(mine.id)).toMatchObject({ status: 'rejected', decidedBy: 'slack:U0GROUPIE' });
    // Asked at most once here: an earlier refusal in this file may have asked already (kept a minute).
    const lookups = env.chat.slack.named('usergroups.users.list');
    expect(lookups.length).toBeLessThanOrEqual(1);
    for (const c of lookups) expect([c.body.usergroup, c.authorization]).toEqual(['S0OWNERGROUP', expect.stringMatching(/^Bearer xoxb-/)]);
  });

  it('answers tampered and forged buttons politely and records or decides nothing', async () => {
    const before = await env.chat.corrections();
    const forged = [
      { action_id: 'kind', value: JSON.stringify({ q: IMAGES, kind: 'weapons' }) },
      { action_id: 'kind', value: JSON.stringify({ q: IMAGES }) },
      { action_id: 'kind', value: '{not json' },
      { action_id: 'correction_accept', value: JSON.stringify({ id: "cor_'; DROP TABLE corrections;--" }) },
      { action_id: 'correction_reject', value: JSON.stringify({ q: IMAGES }) },
    ];
    for (const b of forged) expect(JSON.stringify((await pressInSlack(env.chat, b, OWNER)).blocks)).toContain('That button no longer works');
    const badIndustry = await pressInSlack(env.chat, { action_id: 'kind', value: JSON.stringify({ q: IMAGES, kind: 'video' }) }, OWNER, pickedIndustry('weapons'));
    expect(JSON.stringify(badIndustry.blocks)).toContain('That button no longer works');
    const unknown = await pressInSlack(env.chat, { action_id: 'correction_accept', value: JSON.stringify({ id: 'cor_0123456789' }) }, OWNER);
    expect(JSON.stringify(unknown.blocks)).toContain('No such correction');
    expect(await env.chat.corrections()).toEqual(before);
  });
});

describe('Slack: text off and the hourly limit', () => {
  const env = useChatServer({ WHICH_TOOL_STORE_TEXT: 'off', WHICH_TOOL_CORRECTION_LIMIT: '2' });

  it('keeps only the change of kind, says so before and after, and refuses the third in an hour politely', async () => {
    const kinds = await pressInSlack(env.chat, button(await ask(env.chat, NOTHING), 'something_else'));
    expect(JSON.stringify(kinds.blocks)).toContain('Only the change of kind is kept');
    const thanks = await pressInSlack(env.chat, kindButton(kinds, 'code'));
    expect(JSON.stringify(thanks.blocks)).toContain('keeps no request text');
    await pressInSlack(env.chat, kindButton(kinds, 'audio'));
    const third = await pressInSlack(env.chat, kindButton(kinds, 'video'));
    expect(JSON.stringify(third.blocks)).toContain('more than the 2 corrections one person can send in an hour');
    const stored = await env.chat.corrections();
    expect(stored.map((c) => c.chosen.category)).toEqual(['code', 'audio']);
    expect(stored.map((c) => c.text)).toEqual([null, null]);
    expect(stored.every((c) => c.flagged)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('team lunch');
  });
});


describe('Slack: an owner’s accept teaches the running server', () => {
  // A 32nd of the corpus, so the real trainer process takes a second; an hour between looks, so
  // only the accept's own notice can make the server learn in time.
  const env = useChatServer({ WHICH_TOOL_OWNERS: OWNER, WHICH_TOOL_DATA: dataWithSmallCorpus(32), WHICH_TOOL_LEARN_SECONDS: '3600' });

  it('asks, corrects through 👎, accepts from the digest, and answers with the chosen kind; unrelated requests unchanged', async () => {
    const top = (q: string): string => env.chat.server.recommender.ask(q).recommendations[0]?.category ?? 'none';
    const before = UNRELATED.map(top);
    expect(top(GLIMMER)).not.toBe('video');
    // The bot is unsure: it asks which was meant, and the person picks one, then says it did not help.
    const answer = await pressInSlack(env.chat, button(await ask(env.chat, GLIMMER), 'clarify'));
    const kinds = await pressInSlack(env.chat, button(answer, 'feedback_down'));
    await pressInSlack(env.chat, kindButton(kinds, 'video'));
    const accept = slackButtons((await ownersDigest(env.chat, 'slack', TEAM)).slack).find((b) => b.action_id.startsWith('correction_accept'))!;
    expect(JSON.stringify((await pressInSlack(env.chat, accept, OWNER)).blocks)).toContain('Correction accepted');
    await expect.poll(() => top(GLIMMER), { timeout: 15_000, interval: 100 }).toBe('video');
    expect(UNRELATED.map(top)).toEqual(before);
  });
});
