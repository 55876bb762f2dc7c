// Channel and group-chat messages reach the bot as "<at>Which Tool</at> make a jingle". Only the
// bot's own mention is removed; other people's mentions stay as plain names so that the
// request still reads naturally ("ask @Dana for the …") and matching is not thrown off by tags.
import type { Activity, Mention } from 'botbuilder';

const TAG = /<at(?:\s[^>]*)?>([\s\S]*?)<\/at>/gi;

const ENTITIES: Readonly<Record<string, string>> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

export function requestText(activity: Partial<Activity>): string | undefined {
  if (typeof activity.text !== 'string') return undefined;
  let text = activity.text;
  const botId = activity.recipient?.id;
  for (const e of activity.entities ?? []) {
    const m = e as Partial<Mention> & { type?: string };
    if (m.type !== 'mention' || !m.mentioned || m.mentioned.id !== botId || typeof m.text !== 'string') continue;
    text = text.split(m.text).join(' ');
  }
  // Clients that mention by name without an entity (older Emulator builds) still send the tag.
  const botName = activity.recipient?.name;
  text = text.replace(TAG, (_all, name: string) => (botName && name.trim() === botName ? ' ' : `@${name.trim()}`));
  text = text.replace(/&(?:nbsp|amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
  return text.replace(/[ \t]+/g, ' ').trim();
}
