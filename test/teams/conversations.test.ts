// Messages over HTTP through the real CloudAdapter, replies recorded at a stand-in connector.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DigestTarget } from '../../src/digest/commands.js';
import { Recommender } from '../../src/core/recommend.js';
import { noticeCard } from '../../src/render/answer-card.js';
import type { AdaptiveCard } from '../../src/render/adaptive-card.js';
import { adaptiveCardProblems, actionsOf, BOT, cardRuns, cardText, Connector, message, post, startBot, TENANT, USER, type Bot } from './support.js';

describe('Teams conversations', () => {
  let connector: Connector;
  let bot: Bot;
  const digestCalls: { args: string; target: DigestTarget }[] = [];

  beforeAll(async () => {
    connector = await new Connector().start();
    bot = await startBot({
      digest: {
        handle: async (args, target) => {
          digestCalls.push({ args, target });
          return noticeCard('Digest', `Weekly digest set: ${args}`);
        },
      },
    });
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  const send = async (a: Record<string, unknown>) => {
    const res = await post(bot.url, a);
    expect(res.status).toBe(200);
    expect(connector.received).toHaveLength(1);
    const reply = connector.received[0]!;
    return { reply, card: reply.body.attachments![0]!.content };
  };

  it('answers in personal chat without a mention, as a reply to the message, with a valid 1.5 card', async () => {
    const q = 'I need 300 product shots a month for the shop';
    const a = message(connector.url, 'personal', q);
    const { reply, card } = await send(a);
    expect(reply.method).toBe('POST');
    expect(reply.path).toBe(`/v3/conversations/${encodeURIComponent('a:1personal-chat-dana')}/activities/${String(a.id)}`);
    expect(reply.body.replyToId).toBe(a.id);
    expect(reply.body.attachments![0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.version).toBe('1.5');
    expect(adaptiveCardProblems(card)).toEqual([]);
    const expected = bot.recommender.ask(q);
    const top = expected.recommendations[0]!;
    const text = cardText(card);
    // Verdict, tools, cost with the estimate, turnaround, expertise, limitation, why, catalog version.
    expect(text).toContain(top.verdict);
    for (const t of top.tools) expect(text).toContain(t.name);
    expect(text).toMatch(/Cost: \$[\d.]+–\$[\d,.]+ a month for 300 images/);
    for (const label of ['Turnaround:', 'Expertise:', 'Main limitation:', 'Why:']) expect(text).toContain(label);
    expect(text).toContain(`Catalog ${expected.catalog.version}`);
    expect(card.fallbackText.toLowerCase()).toContain(top.verdict.toLowerCase());
    expect(reply.body.summary).toContain(top.verdict);
    expect(actionsOf(card).map((x) => x.verb)).toEqual(expect.arrayContaining(['compare', 'feedback_up', 'feedback_down']));
  });

  it('sets two named tools side by side on the Adaptive Card', async () => {
    const { card } = await send(message(connector.url, 'personal', 'Midjourney or DALL-E for a logo?'));
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/Midjourney v6[\s\S]*DALL-E 3[\s\S]*Price[\s\S]*a month/);
  });

  it('logs the answered request without user ids and without text by default', async () => {
    const before = bot.store.requests.length;
    await send(message(connector.url, 'groupChat', 'translate our onboarding guide into Spanish'));
    const entry = bot.store.requests[before]!;
    expect(entry).toMatchObject({ surface: 'teams', workspace: TENANT, channel: '19:group-chat-1@thread.v2', category: 'llm', matched: true });
    expect(entry.text).toBeUndefined();
    const logged = JSON.stringify(entry);
    for (const id of [USER.id, USER.aadObjectId, USER.name]) expect(logged).not.toContain(id);
  });

  it('strips only its own mention in a channel; other mentions stay and do not change the answer', async () => {
    const plain = bot.recommender.ask('can we get 300 product shots a month for the shop');
    const dana = { id: '29:user-ola', name: 'Ola Nordmann' };
    const { reply, card } = await send(message(connector.url, 'channel', `can <at>${dana.name}</at> and we get 300 product shots a month for the shop`, [dana]));
    expect(reply.conversationId).toBe('19:general@thread.tacv2;messageid=1700000000000');
    const text = cardText(card);
    expect(text).toContain(plain.recommendations[0]!.verdict);
    expect(text).toContain('@Ola Nordmann');
    expect(text).not.toContain(BOT.name);
    expect(JSON.stringify(card)).not.toMatch(/<at>/);
    expect(bot.store.requests.at(-1)!.category).toBe(plain.recommendations[0]!.category);
  });

  it('answers a bare mention and "help" with the help card', async () => {
    for (const text of ['', 'help']) {
      connector.clear();
      const { card } = await send(message(connector.url, 'groupChat', text));
      expect(cardText(card)).toContain('Try one of these');
      expect(actionsOf(card).filter((a) => a.verb === 'example').length).toBeGreaterThan(3);
    }
    // "help" lists everything in Teams' own words: no Slack slash command, no Share button.
    connector.clear();
    const guide = cardText((await send(message(connector.url, 'groupChat', 'help'))).card);
    for (const part of ['Ways to ask', '@Which Tool digest off', '@Which Tool policy', 'Find an AI tool', 'What is kept']) expect(guide).toContain(part);
    expect(guide).not.toMatch(/\/whichtool|Share in channel|Home tab/);
  });

  it('answers "examples" with example buttons', async () => {
    const { card } = await send(message(connector.url, 'personal', 'examples'));
    expect(actionsOf(card).every((a) => a.verb === 'example')).toBe(true);
  });

  it('politely refuses a request over 2,000 characters, and says when nothing fits', async () => {
    const long = await send(message(connector.url, 'personal', 'video '.repeat(400)));
    expect(cardText(long.card)).toMatch(/longer than 2,000 characters/);
    connector.clear();
    const none = await send(message(connector.url, 'personal', 'where is the coffee machine?'));
    expect(cardText(none.card)).toContain('No AI tool fits that');
  });

  it('cannot inject a link or a mention through the request', async () => {
    const { card } = await send(message(connector.url, 'personal', 'make a logo [click me](https://evil.example) <at>Everyone</at>'));
    // What is rendered, not the button data (which no client displays).
    for (const shown of [cardRuns(card), card.fallbackText]) {
      expect(shown).not.toMatch(/\]\s*\(/);
      expect(shown).not.toMatch(/<at>/i);
    }
    expect(cardText(card)).toContain('[click me](https://evil.example)');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('passes "digest …" to the digest commands with tenant and conversation', async () => {
    const { card } = await send(message(connector.url, 'channel', 'digest weekly monday 09:00 Europe/Berlin'));
    expect(digestCalls.at(-1)).toEqual({
      args: 'weekly monday 09:00 Europe/Berlin',
      // Local mode: the person at this machine is a member.
      target: { platform: 'teams', workspace: TENANT, channel: '19:general@thread.tacv2;messageid=1700000000000', actor: { id: 'aad-dana', role: 'member' } },
    });
    expect(cardText(card)).toContain('Weekly digest set: weekly monday 09:00 Europe/Berlin');
  });

  /** A second bot, configured otherwise, sent one personal message: the card it replied with. */
  async function replyOfOther(options: Parameters<typeof startBot>[0], text: string): Promise<{ other: Bot; card: AdaptiveCard; status: number }> {
    const other = await startBot(options);
    try {
      const res = await post(other.url, message(connector.url, 'personal', text));
      return { other, card: connector.received[0]!.body.attachments![0]!.content, status: res.status };
    } finally {
      await other.stop();
    }
  }

  it('says digests are not set up when the server has none', async () => {
    const { card } = await replyOfOther({}, 'digest off');
    expect(cardText(card)).toContain('Digests are not set up');
  });

  it('a failing digest module gets a polite card, not its error', async () => {
    const { card } = await replyOfOther({ digest: { handle: async () => Promise.reject(new Error('database is locked at /var/db')) } }, 'digest weekly');
    expect(cardText(card)).toContain('That didn’t work');
    expect(JSON.stringify(card)).not.toContain('database is locked');
  });

  it('a failure inside a turn becomes a polite card, not silence or a leaked error', async () => {
    class Broken extends Recommender {
      override ask(): never {
        throw new Error('model file unreadable at /var/models/which-tool.json');
      }
    }
    const { card, status } = await replyOfOther({ recommender: new Broken(bot.recommender.catalog) }, 'a catchy jingle for a radio ad');
    expect(status).toBe(200);
    expect(cardText(card)).toContain('Sorry, something went wrong');
    expect(JSON.stringify(card)).not.toContain('/var/models');
  });

  it('logs request text only when the admin turned it on', async () => {
    const { other } = await replyOfOther({ logRequestText: true }, 'a catchy jingle for a radio ad');
    expect(other.store.requests[0]!.text).toBe('a catchy jingle for a radio ad');
  });
});
