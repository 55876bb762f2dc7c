// Message text as a person typed it, out of Slack's markup: what the shared reading of typed
// text (surface/intent.ts) and the core see.

const MARKUP = /[<&]/;

/**
 * Slack sends mentions and links as `<…>` markup and escapes `& < >`. The bot's own mention is
 * dropped, others become readable words.
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
