// What a piece of typed text asks for: help, the AI policy, a digest command, or a recommendation.
import { MAX_REQUEST_CHARS } from '../core/errors.js';

export type Intent =
  | { readonly kind: 'help' }
  | { readonly kind: 'policy' }
  | { readonly kind: 'digest'; readonly args: string }
  | { readonly kind: 'ask'; readonly text: string };

export function readIntent(raw: string): Intent {
  const text = raw.trim();
  // Too long for anything: the request check refuses it politely, whatever it starts with.
  if (text.length > MAX_REQUEST_CHARS) return { kind: 'ask', text: raw };
  if (text === '' || /^help[.!?]?$/i.test(text)) return { kind: 'help' };
  // Only the word itself: "policy summaries for HR" is a request like any other.
  if (/^policy[.!?]?$/i.test(text)) return { kind: 'policy' };
  const digest = /^digest(?:\s+([\s\S]*))?$/i.exec(text);
  if (digest) return { kind: 'digest', args: (digest[1] ?? '').trim() };
  return { kind: 'ask', text: raw };
}

const MARKUP = /[<&]/;

/**
 * Message text as a person typed it: Slack sends mentions and links as `<…>` markup and
 * escapes `& < >`. The bot's own mention is dropped, others become readable words.
 */
export function plainMessageText(text: string, botUserId?: string): string {
  // Most requests carry no markup at all: skip the eight passes below.
  if (!MARKUP.test(text)) return text.trim();
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => (id === botUserId ? '' : `@${name ?? 'someone'}`))
    .replace(/<#[CG][A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => `#${name ?? 'channel'}`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => name ?? '@group')
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => label ?? url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}
