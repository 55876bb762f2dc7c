// Each way a person reaches the bot, driven for real against one server (helpers/chat-server.ts):
// Slack's slash command and @mention as signed HTTP requests to Bolt's receiver, and a Teams
// message as a Bot Framework activity through the CloudAdapter. What comes back is read into one
// shape, so a test can hold the surfaces side by side.
import type { AdaptiveCard } from '../../src/render/adaptive-card.js';
import { pressInSlack, pressInTeams, slackButtons, type ChatServer } from '../helpers/chat-server.js';
import { BOT_USER, TEAM, event, slashCommand } from '../slack/helpers/payloads.js';
import { postToSlackRoute } from '../slack/helpers/signed.js';
import { actionsOf, cardText, message, post } from '../teams/support.js';

/** A button on what was shown, by its neutral id (ActionId), pressed as its platform sends it. */
export interface ShownButton {
  readonly id: string;
  /** The payload the button carries (Slack's value, Teams' data), read back. */
  readonly data: Record<string, unknown>;
  press(): Promise<Shown>;
}

/** What a person sees, whatever the platform. */
export interface Shown {
  readonly headers: readonly string[];
  /** Every visible text, one per line. */
  readonly text: string;
  readonly buttons: readonly ShownButton[];
  /** A table row's cells after its label ("Cost" → the two sides), as shown. */
  row(label: string): string[];
}

export interface ChatPath {
  readonly name: string;
  readonly surface: 'slack' | 'teams';
  /** The conversation this path types in, as the request log and the digest name it. */
  readonly channel: string;
  /** Sends `text` as the platform delivers what a person typed; resolves with the reply. */
  say(chat: ChatServer, text: string): Promise<Shown>;
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const unjoin = (s: string): string => s.replace(/\u2060/g, '');

interface Block {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { type?: string; text?: string | { text: string }; action_id?: string; value?: string }[];
}

/** Block Kit as Slack shows it, its buttons pressed through response_url. */
function slackShown(chat: ChatServer, body: { blocks?: unknown }, channel: string): Shown {
  const blocks = (body.blocks ?? []) as Block[];
  const texts = blocks.flatMap((b) => [b.text?.text, ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : e.text?.text))]);
  return {
    headers: blocks.filter((b) => b.type === 'header').map((b) => unescape(b.text!.text)),
    text: unescape(texts.filter((t): t is string => typeof t === 'string').join('\n')),
    buttons: slackButtons(body).map((b) => ({
      id: b.action_id.split('.')[0]!,
      data: JSON.parse(b.value ?? '{}') as Record<string, unknown>,
      press: async () => slackShown(chat, await pressInSlack(chat, b, undefined, undefined, channel), channel),
    })),
    row: (label) => (blocks.find((b) => b.fields && b.text?.text === `*${label}*`)?.fields ?? []).map((f) => unescape(f.text)),
  };
}

interface Cell {
  items: { inlines: { text: string }[] }[];
}

/** An Adaptive Card as Teams shows it, its buttons pressed as Action.Execute invokes. */
function teamsShown(chat: ChatServer, card: AdaptiveCard): Shown {
  const body = card.body as unknown as { type: string; inlines?: { text: string; size?: string; weight?: string }[]; rows?: { cells: Cell[] }[] }[];
  const rows = body.filter((e) => e.type === 'Table').flatMap((t) => t.rows ?? []).map((r) => r.cells.map((c) => unjoin(c.items.map((i) => i.inlines.map((x) => x.text).join('')).join(''))));
  return {
    headers: body.filter((e) => e.type === 'RichTextBlock' && e.inlines?.[0]?.size === 'Medium' && e.inlines[0].weight === 'Bolder').map((e) => unjoin(e.inlines![0]!.text)),
    text: cardText(card),
    buttons: actionsOf(card).map((a) => ({
      id: a.verb ?? '',
      data: a.data,
      press: async () => teamsShown(chat, await pressInTeams(chat, a.verb!, a.data, undefined, 'channel')),
    })),
    row: (label) => rows.find((r) => r[0] === label)?.slice(1) ?? [],
  };
}

async function waitFor<T>(read: () => T | undefined, what: string, timeoutMs = 5_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = read();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`no ${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const SLASH_CHANNEL = 'C0SLASH';
const MENTION_CHANNEL = 'C0MENTION';

/** `/whichtool <text>`: the answer rides in the ack; a digest command answers through response_url. */
export const slackSlashCommand: ChatPath = {
  name: 'Slack /whichtool',
  surface: 'slack',
  channel: SLASH_CHANNEL,
  async say(chat, text) {
    const before = chat.slack.named('response_url').length;
    const res = await postToSlackRoute(chat.server.url, slashCommand(text, chat.slack.responseUrl('typed'), SLASH_CHANNEL));
    if (res.status !== 200) throw new Error(`/whichtool answered ${res.status}`);
    if (res.text) return slackShown(chat, res.json as { blocks?: unknown }, SLASH_CHANNEL);
    return slackShown(chat, (await chat.slack.waitFor('response_url', before + 1))[before]!.body, SLASH_CHANNEL);
  },
};

/** "@Which Tool <text>" in a channel: answered with a message in the thread. */
export const slackMention: ChatPath = {
  name: 'Slack @mention',
  surface: 'slack',
  channel: MENTION_CHANNEL,
  async say(chat, text) {
    const before = chat.slack.named('chat.postMessage').length;
    const res = await postToSlackRoute(chat.server.url, event({ type: 'app_mention', user: 'U0ALICE', text: `<@${BOT_USER}> ${text}`, ts: `${Date.now() / 1000}`, channel: MENTION_CHANNEL, team: TEAM }));
    if (res.status !== 200) throw new Error(`the mention answered ${res.status}`);
    return slackShown(chat, (await chat.slack.waitFor('chat.postMessage', before + 1))[before]!.body, MENTION_CHANNEL);
  },
};

const TEAMS_CHANNEL = '19:general@thread.tacv2';

/** "@Which Tool <text>" in a Teams channel: answered with a card in the conversation. */
export const teamsMessage: ChatPath = {
  name: 'Teams message',
  surface: 'teams',
  channel: TEAMS_CHANNEL,
  async say(chat, text) {
    const before = chat.connector.received.length;
    const res = await post(`${chat.server.url}/api/messages`, message(chat.connector.url, 'channel', text));
    if (res.status !== 200) throw new Error(`the Teams message answered ${res.status}`);
    const reply = await waitFor(() => chat.connector.received[before], 'Teams reply');
    return teamsShown(chat, reply.body.attachments![0]!.content);
  },
};

export const CHAT_PATHS: readonly ChatPath[] = [slackSlashCommand, slackMention, teamsMessage];

/** One way in per surface: a person's vote counts once per answer on each surface, not per way in. */
export const ONE_PATH_PER_SURFACE: readonly ChatPath[] = [slackSlashCommand, teamsMessage];
