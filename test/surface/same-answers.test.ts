// One table of typed texts through every way in, on one real server with a real database and the
// documented AI policy: Slack's /whichtool and @mention, and a message in a Teams channel. Each
// surface must read a text the same way (surface/intent.ts) and give the same answer: the same
// card headers, the same first category in the request log, the same tools.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/core/errors.js';
import { plainMessageText } from '../../src/slack/message-text.js';
import { readIntent } from '../../src/surface/intent.js';
import { useChatServer, type ChatServer } from '../helpers/chat-server.js';
import { ACME } from '../helpers/policy.js';
import { testCatalog } from '../slack/helpers/server.js';
import { CHAT_PATHS, type ChatPath, type Shown } from './chat-paths.js';

type Reading = 'help' | 'examples' | 'policy' | 'digest' | 'refused' | 'ask';

interface Typed {
  readonly text: string;
  readonly reading: Reading;
}

const TABLE: readonly Typed[] = [
  { text: 'help', reading: 'help' },
  { text: 'hi', reading: 'help' },
  { text: '', reading: 'help' },
  { text: 'examples', reading: 'examples' },
  { text: 'policy', reading: 'policy' },
  { text: 'digest weekly monday 09:00 Europe/Berlin', reading: 'digest' },
  { text: 'digest off', reading: 'digest' },
  { text: 'video '.repeat(400), reading: 'refused' },
  { text: 'I need 300 product shots a month for the shop', reading: 'ask' },
  { text: 'is <!channel> up for a catchy jingle for our radio ad', reading: 'ask' },
];

/** What only the card for each reading shows; an answer shows none of them. */
const MARKS: Readonly<Record<Exclude<Reading, 'ask'>, RegExp>> = {
  help: /Ways to ask/,
  examples: /Here are requests I answer well/,
  policy: /Catalog tools the policy does not name/,
  digest: /^(Digest on|Digest off|No digest here)$/m,
  refused: /I can’t answer that one/,
};

const readingShown = (shown: Shown): string => {
  const found = Object.entries(MARKS).filter(([, mark]) => mark.test(shown.text)).map(([reading]) => reading);
  return found.length ? found.join(' + ') : 'ask';
};

/** Names of the catalog's tools shown, in catalog order. */
const TOOL_NAMES = [...testCatalog().categories.values()].flatMap((c) => c.tools.map((t) => t.name));
const toolsShown = (shown: Shown): string[] => TOOL_NAMES.filter((name) => shown.text.includes(name));

/** The request log rows of one path's conversation, oldest first, as another process reads the file. */
function logged(chat: ChatServer, path: ChatPath): { category: string | null }[] {
  const db = new Database(chat.db, { readonly: true });
  try {
    const rows = db.prepare('SELECT surface, channel, category FROM request_log ORDER BY id').all() as { surface: string; channel: string; category: string | null }[];
    return rows.filter((r) => r.surface === path.surface && r.channel.startsWith(path.channel));
  } finally {
    db.close();
  }
}

interface Seen {
  readonly path: ChatPath;
  readonly shown: Shown;
  /** The request log row this text added, if any. */
  readonly row: { category: string | null } | undefined;
}

/** Sends `text` by `path`; the log row it added, waited for when the reading is an answer. */
async function see(chat: ChatServer, path: ChatPath, typed: Typed): Promise<Seen> {
  const before = logged(chat, path).length;
  const shown = await path.say(chat, typed.text);
  if (typed.reading === 'ask') {
    await expect.poll(() => logged(chat, path).length, { message: `${path.name} logs the request` }).toBe(before + 1);
  } else {
    // Give a stray write the time the request path takes to flush: none may come.
    await new Promise((r) => setTimeout(r, 50));
    expect(logged(chat, path).length, `${path.name} logs nothing for ${typed.reading}`).toBe(before);
  }
  return { path, shown, row: logged(chat, path)[before] };
}

describe('the same typed text, the same answer on every surface', () => {
  const env = useChatServer({ WHICH_TOOL_POLICY: ACME });

  it.each(TABLE.map((t) => [t.text.length > 60 ? `${t.text.slice(0, 20)}… (${t.text.length} characters)` : JSON.stringify(t.text), t] as const))('%s', async (_name, typed) => {
    // Both surfaces read the text with the one reading; Slack first takes its markup out.
    const kind = typed.reading === 'refused' ? 'ask' : typed.reading;
    expect(readIntent(plainMessageText(typed.text)).kind).toBe(kind);
    expect(readIntent(typed.text).kind).toBe(kind);

    const seen: Seen[] = [];
    for (const path of CHAT_PATHS) seen.push(await see(env.chat, path, typed));
    for (const s of seen) expect(readingShown(s.shown), s.path.name).toBe(typed.reading);

    const [first, ...others] = seen;
    for (const s of others) {
      expect(s.shown.headers, `${s.path.name} headers as ${first!.path.name}`).toEqual(first!.shown.headers);
      expect(toolsShown(s.shown), `${s.path.name} tools as ${first!.path.name}`).toEqual(toolsShown(first!.shown));
      expect(s.row?.category, `${s.path.name} category as ${first!.path.name}`).toEqual(first!.row?.category);
    }
    if (typed.reading === 'ask') {
      expect(first!.row!.category).toBe(env.chat.server.recommender.ask(plainMessageText(typed.text)).recommendations[0]!.category);
      expect(toolsShown(first!.shown).length).toBeGreaterThan(0);
    }
    if (typed.reading === 'refused') for (const s of seen) expect(s.shown.text).toContain(messages.requestTooLong);
    // Slack's markup is read, never sent back live: no one is pinged by an answer.
    for (const s of seen.filter((x) => x.path.surface === 'slack')) expect(s.shown.text).not.toMatch(/<!channel>/);
  });

  it('a digest set and stopped by typing is the same subscription change on every surface', async () => {
    const subscribed = (): string[] => {
      const db = new Database(env.chat.db, { readonly: true });
      try {
        return (db.prepare('SELECT platform, channel FROM subscriptions ORDER BY platform, channel').all() as { platform: string; channel: string }[]).map((s) => `${s.platform} ${s.channel}`);
      } finally {
        db.close();
      }
    };
    for (const path of CHAT_PATHS) await path.say(env.chat, 'digest daily 08:30 Europe/Berlin');
    expect(subscribed()).toEqual(CHAT_PATHS.map((p) => `${p.surface} ${p.channel}`).sort());
    for (const path of CHAT_PATHS) expect((await path.say(env.chat, 'digest off')).headers, path.name).toEqual(['Digest off']);
    expect(subscribed()).toEqual([]);
  });
});
