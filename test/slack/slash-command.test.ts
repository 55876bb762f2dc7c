// /whichtool over HTTP through the real server and Bolt's HTTPReceiver, signed like Slack.
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, type ActionPayload } from '../../src/render/card.js';
import { useSlackServer } from './helpers/server.js';
import { CHANNEL, TEAM, slashCommand } from './helpers/payloads.js';
import { postToSlackRoute } from './helpers/signed.js';

interface Reply {
  response_type?: string;
  text: string;
  blocks: { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { action_id: string; value: string; text: { text: string } }[] }[];
}

const allText = (r: Reply): string => JSON.stringify(r.blocks);
const buttons = (r: Reply) => r.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

const env = useSlackServer();

describe('/whichtool', () => {
  it('answers a request in the ack with an ephemeral answer card and records it without user ids', async () => {
    const res = await postToSlackRoute(env.app.server.url, slashCommand('I need 300 product shots a month for the shop', env.slack.responseUrl('a')));
    expect(res.status).toBe(200);
    const reply = res.json as Reply;
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.blocks[0]!.type).toBe('header');
    expect(reply.blocks[0]!.text!.text.toLowerCase()).toContain('image');
    const text = allText(reply);
    expect(text).toMatch(/Tools/);
    expect(text).toMatch(/Cost/);
    expect(text).toMatch(/\$[\d.,]+–\$[\d.,]+ a month for 300 images/);
    expect(text).toMatch(/Turnaround/);
    expect(text).toMatch(/Expertise/);
    expect(text).toMatch(/Main limitation/);
    expect(text).toMatch(/Why:/);
    expect(text).toMatch(/Catalog /);
    const ids = buttons(reply).map((b) => b.action_id);
    expect(ids).toEqual(expect.arrayContaining(['compare', 'share', 'feedback_up', 'feedback_down']));
    for (const b of buttons(reply)) {
      expect(ACTION_IDS).toContain(b.action_id.split('.')[0]);
      expect((JSON.parse(b.value) as ActionPayload).q).toBe('I need 300 product shots a month for the shop');
    }
    const logged = env.app.store.requests.at(-1)!;
    expect(logged).toMatchObject({ surface: 'slack', workspace: TEAM, channel: CHANNEL, category: 'image', matched: true });
    expect(logged.text).toBeUndefined();
    expect(JSON.stringify(env.app.store.requests)).not.toContain('U0ALICE');
  });

  it('answers requests that arrive together each with its own card (answers wait for the end of the turn)', async () => {
    const asks = ['a jingle for our podcast intro', '300 product shots a month for the shop', 'summarize our vendor contracts', 'a 15-second video ad for our app'];
    const texts = Array.from({ length: 24 }, (_, i) => `${asks[i % asks.length]} #${i}`);
    const replies = await Promise.all(texts.map((t) => postToSlackRoute(env.app.server.url, slashCommand(t, env.slack.responseUrl('c')))));
    const alone = await Promise.all(asks.map((t) => postToSlackRoute(env.app.server.url, slashCommand(t, env.slack.responseUrl('c')))));
    replies.forEach((res, i) => {
      expect(res.status).toBe(200);
      const reply = res.json as Reply;
      expect(allText(reply)).toContain(`“${texts[i]}”`);
      expect(reply.blocks[0]!.text!.text).toBe((alone[i % asks.length]!.json as Reply).blocks[0]!.text!.text);
    });
  });

  it('sets two named tools side by side', async () => {
    const res = await postToSlackRoute(env.app.server.url, slashCommand('Runway or Pika for a 10 s loop?', env.slack.responseUrl('v')));
    const heads = (res.json as Reply).blocks.find((b) => b.fields?.some((f) => f.text === '*Runway Gen-3*'));
    expect(heads?.fields?.map((f) => f.text)).toEqual(['*Runway Gen-3*', '*Pika Labs*']);
    expect(allText(res.json as Reply)).toMatch(/\*Price\*.*a month.*a month/);
  });

  it('shows help with example buttons for an empty command and for "help"', async () => {
    for (const text of ['', 'help', '  HELP ']) {
      const reply = (await postToSlackRoute(env.app.server.url, slashCommand(text, env.slack.responseUrl('h')))).json as Reply;
      expect(reply.blocks[0]!.text!.text).toBe('Which Tool');
      const examples = buttons(reply).filter((b) => b.action_id.startsWith('example'));
      expect(examples.length).toBeGreaterThanOrEqual(3);
      expect(new Set(examples.map((b) => b.action_id)).size).toBe(examples.length);
    }
  });

  it('answers politely with examples when nothing fits', async () => {
    const reply = (await postToSlackRoute(env.app.server.url, slashCommand('good morning everyone, how was the weekend?', env.slack.responseUrl('n')))).json as Reply;
    expect(reply.blocks[0]!.text!.text).toBe('No AI tool fits that');
    expect(buttons(reply).some((b) => b.action_id.startsWith('example'))).toBe(true);
    expect(env.app.store.requests.at(-1)!.matched).toBe(false);
  });

  it('refuses a request over 2,000 characters politely, without answering it', async () => {
    const before = env.app.store.requests.length;
    for (const text of ['make an image '.repeat(200), `digest ${'weekly '.repeat(400)}`, `help ${'x'.repeat(2100)}`]) {
      const res = await postToSlackRoute(env.app.server.url, slashCommand(text, env.slack.responseUrl('l')));
      expect(res.status).toBe(200);
      expect(allText(res.json as Reply)).toContain('longer than 2,000 characters');
    }
    expect(env.app.store.requests.length).toBe(before);
  });

  it('escapes <!channel>, <!here> and user mentions typed into the request', async () => {
    // Slack sends typed `<` `>` `&` as entities, and real mentions as <…> markup.
    const typed = '&lt;!channel&gt; <!here> <@U0BOSS|boss> &lt;@U0CEO&gt; make 20 product images a week &amp; more';
    const reply = (await postToSlackRoute(env.app.server.url, slashCommand(typed, env.slack.responseUrl('x')))).json as Reply;
    // Everything Slack renders (button values are never shown).
    const shown = JSON.stringify({ text: reply.text, blocks: reply.blocks }, (k, v: unknown) => (k === 'value' ? undefined : v));
    expect(shown).not.toMatch(/<!channel>|<!here>|<@U0BOSS|<@U0CEO>/);
    expect(shown).toContain('&lt;!channel&gt; @here @boss &lt;@U0CEO&gt;');
    expect(shown).toContain('&amp; more');
    expect(shown).not.toContain('&amp;amp;');
  });

  it('says politely that digests are not set up when the digest module is absent', async () => {
    const res = await postToSlackRoute(env.app.server.url, slashCommand('digest weekly monday 09:00', env.slack.responseUrl('d')));
    expect(res.status).toBe(200);
    const [posted] = await env.slack.waitFor('response_url');
    expect(posted!.path).toBe('/response/d');
    expect(JSON.stringify(posted!.body)).toContain('Digests are not set up');
  });
});
