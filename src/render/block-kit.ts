// Neutral card -> Slack Block Kit. Pure: no SDK, no I/O. Slack rejects a whole message when one
// limit is broken, so every limit is enforced here, and user text is escaped so that
// `<!channel>`, `<!here>` or `<@U…>` typed into a request can never ping anyone.
import { BADGE_TEXT, type ActionPayload, type Badge, type Card, type CardAction, type CardElement, type ToolLine } from './card.js';

export interface PlainText { readonly type: 'plain_text'; readonly text: string; readonly emoji?: boolean }
export interface Mrkdwn { readonly type: 'mrkdwn'; readonly text: string }
export interface ButtonElement {
  readonly type: 'button';
  readonly text: PlainText;
  readonly action_id: string;
  readonly value: string;
  readonly style?: 'primary' | 'danger';
  /** Opened by Slack on press; the action is still sent, so the press can be counted. */
  readonly url?: string;
}
export interface HeaderBlock { readonly type: 'header'; readonly text: PlainText }
export interface SectionBlock { readonly type: 'section'; readonly text?: Mrkdwn | PlainText; readonly fields?: readonly Mrkdwn[] }
export interface DividerBlock { readonly type: 'divider' }
export interface ContextBlock { readonly type: 'context'; readonly elements: readonly Mrkdwn[] }
export interface ActionsBlock { readonly type: 'actions'; readonly elements: readonly ButtonElement[] }
export type SlackBlock = HeaderBlock | SectionBlock | DividerBlock | ContextBlock | ActionsBlock;

/** Slack's published Block Kit limits (messages; modals and App Home allow 100 blocks). */
export const BLOCK_KIT_LIMITS = Object.freeze({
  blocks: 50,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  buttonsPerActions: 25,
  contextText: 2000,
  fallbackText: 3000,
  buttonUrl: 3000,
});
const L = BLOCK_KIT_LIMITS;

const CONTROL = /[&<>]/;
/** Slack user ids (U… in a workspace, W… across an Enterprise Grid org). */
const SLACK_USER = /^[UW][A-Z0-9]{2,20}$/;

/** Slack's three control characters, and nothing else (other entities are shown literally). */
export const escapeSlack = (text: string): string =>
  // Most catalog text has none of them: one scan instead of three copies.
  CONTROL.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text;

const FOLD = /[\n\r\t\v\f\u2028\u2029]/;
const FORMATTING = /[*_~`]/;
const LOOK_ALIKE: Readonly<Record<string, string>> = { '*': '∗', _: 'ˍ', '~': '∼', '`': 'ˋ' };

/**
 * Plain text made safe for a mrkdwn field (the message's notification text): one line, and
 * Slack's formatting characters swapped for look-alikes that format nothing, so no text can
 * fake bold labels, quotes or code around it.
 */
export const neutralLine = (text: string): string => {
  let line = FOLD.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  if (FORMATTING.test(line)) line = line.replace(/[*_~`]/g, (c) => LOOK_ALIKE[c]!);
  // A line that starts with > is a quote in mrkdwn, escaped or not.
  return line.startsWith('>') ? `›${line.slice(1)}` : line;
};

/** Escapes, then cuts to `max` characters without splitting an entity like `&amp;`. */
export function fitEscaped(raw: string, max: number): string {
  const escaped = escapeSlack(raw);
  if (escaped.length <= max) return escaped;
  let cut = escaped.slice(0, max - 1);
  const amp = cut.lastIndexOf('&');
  if (amp !== -1 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  return `${cut}…`;
}

const plain = (raw: string, max: number): PlainText => ({ type: 'plain_text', text: fitEscaped(raw, max) || ' ', emoji: true });
const mrkdwn = (text: string): Mrkdwn => ({ type: 'mrkdwn', text: text || ' ' });
/** Bold label plus escaped value, within `max`. */
const labelled = (label: string, value: string, max: number): Mrkdwn => {
  const head = `*${fitEscaped(label, 100)}*\n`;
  return mrkdwn(head + fitEscaped(value, max - head.length));
};

/** The payload as JSON within the button value limit, shortening the request if needed. */
export function buttonValue(payload: ActionPayload): string {
  let q = payload.q;
  let value = JSON.stringify(payload);
  while (value.length > L.buttonValue && q.length > 0) {
    q = q.slice(0, Math.max(0, q.length - Math.max(1, value.length - L.buttonValue)));
    value = JSON.stringify({ ...payload, q });
  }
  return value;
}

/** `example`, `example.1`, …: Slack wants action_ids unique within a message. */
export const actionIdFor = (id: string, n: number): string => (n === 0 ? id : `${id}.${n}`).slice(0, L.actionId);

/** The neutral ActionId behind a Block Kit action_id. */
export const neutralActionId = (actionId: string): string => actionId.split('.')[0]!;

function buttons(actions: readonly CardAction[], seen: Map<string, number>): ActionsBlock[] {
  // An answer's buttons all carry the same payload: encode it once.
  const values = new Map<ActionPayload, string>();
  const valueOf = (p: ActionPayload): string => values.get(p) ?? values.set(p, buttonValue(p)).get(p)!;
  const els: ButtonElement[] = actions.map((a) => {
    const n = seen.get(a.id) ?? 0;
    seen.set(a.id, n + 1);
    const text = plain(a.label.includes('\n') ? a.label.replace(/\s+/g, ' ') : a.label, L.buttonText);
    const action_id = actionIdFor(a.id, n);
    const value = valueOf(a.payload);
    // A longer address would make Slack refuse the whole message: the button then only sends the action.
    const url = a.url && a.url.length <= L.buttonUrl ? { url: a.url } : {};
    return { type: 'button', text, action_id, value, ...(a.style ? { style: a.style } : {}), ...url };
  });
  const out: ActionsBlock[] = [];
  for (let i = 0; i < els.length; i += L.buttonsPerActions) out.push({ type: 'actions', elements: els.slice(i, i + L.buttonsPerActions) });
  return out;
}

function sectionsOfFields(fields: readonly Mrkdwn[]): SectionBlock[] {
  const out: SectionBlock[] = [];
  for (let i = 0; i < fields.length; i += L.fields) out.push({ type: 'section', fields: fields.slice(i, i + L.fields) });
  return out;
}

function table(columns: readonly string[], rows: readonly (readonly string[])[]): SectionBlock[] {
  // Two-column fields read as side by side in Slack: one section per row, the row name as text.
  const heads = columns.slice(1, 1 + L.fields).map((c) => mrkdwn(`*${fitEscaped(c, L.fieldText - 2)}*`));
  const body = rows.map((r): SectionBlock => ({
    type: 'section',
    text: mrkdwn(`*${fitEscaped(r[0] ?? '', L.sectionText - 2)}*`),
    fields: r.slice(1, 1 + L.fields).map((v) => mrkdwn(fitEscaped(v, L.fieldText))),
  }));
  return [{ type: 'section', fields: heads }, ...body];
}

const BADGE_MARK: Readonly<Record<Badge, string>> = { approved: '✅', restricted: '⚠️', review: '🕒', prohibited: '⛔' };

/** One section: bold title, then a line per tool with its badge and, under it, its note. */
function toolsSection(title: string, tools: readonly ToolLine[], empty: string | undefined): SectionBlock {
  const line = (t: ToolLine): string => {
    const badge = t.badge ? `${BADGE_MARK[t.badge]} *${fitEscaped(t.name, 200)}* · ${BADGE_TEXT[t.badge]}` : `• *${fitEscaped(t.name, 200)}*`;
    return t.note ? `${badge}\n      ↳ ${fitEscaped(t.note, 600)}` : badge;
  };
  let text = `*${fitEscaped(title, 100)}*`;
  const lines = tools.length ? tools.map(line) : [fitEscaped(empty ?? 'None.', 1000)];
  for (const l of lines) {
    // Whole lines only: a cut inside one could split an escape or a bold mark.
    if (text.length + 1 + l.length > L.sectionText - 2) return { type: 'section', text: mrkdwn(`${text}\n…`) };
    text += `\n${l}`;
  }
  return { type: 'section', text: mrkdwn(text) };
}

/** Slack's link syntax `<url|label>`; the label may not hold `|` or `>`, the address is escaped. */
const slackLink = (url: string, label: string): string => `<${escapeSlack(url)}|${fitEscaped(label.replace(/[|>]/g, ' '), 500)}>`;

function blocksFor(e: CardElement, seen: Map<string, number>): SlackBlock[] {
  switch (e.type) {
    case 'header':
      return [{ type: 'header', text: plain(e.text, L.header) }];
    case 'text':
      // What a person typed is shown as plain_text: Slack applies no formatting to it at all.
      if (e.typed) return [{ type: 'section', text: plain(e.text, L.sectionText) }];
      return [{ type: 'section', text: mrkdwn(e.emphasis ? `*${fitEscaped(e.text, L.sectionText - 2)}*` : fitEscaped(e.text, L.sectionText)) }];
    case 'fields':
      return sectionsOfFields(e.fields.map((f) => labelled(f.label, f.value, L.fieldText)));
    case 'list': {
      const items = e.items.map((item, i) => `${i + 1}. ${item}`).join('\n');
      if (e.typed) return [{ type: 'section', text: plain(`${e.title}\n${items}`, L.sectionText) }];
      return [{ type: 'section', text: labelled(e.title, items, L.sectionText) }];
    }
    case 'table':
      return table(e.columns, e.rows);
    case 'divider':
      return [{ type: 'divider' }];
    case 'context':
      return [{ type: 'context', elements: [mrkdwn(fitEscaped(e.text, L.contextText))] }];
    case 'actions':
      return buttons(e.actions, seen);
    case 'notice':
      return [{ type: 'section', text: mrkdwn(`:warning: *${fitEscaped(e.title, 100)}:* ${fitEscaped(e.text, L.sectionText - 130)}`) }];
    case 'tools':
      return [toolsSection(e.title, e.tools, e.empty)];
    case 'link':
      return [{ type: 'section', text: mrkdwn(e.url.length <= L.buttonUrl ? slackLink(e.url, e.label) : fitEscaped(e.label, 500)) }];
    case 'shared-by':
      // Only a well-formed user id becomes a mention; anything else is shown as escaped text.
      return [{ type: 'context', elements: [mrkdwn(e.slackUser && SLACK_USER.test(e.slackUser) ? `Shared by <@${e.slackUser}>` : `Shared by ${fitEscaped(e.name, 200)}`)] }];
  }
}

export interface BlockKitMessage {
  /** Notification and fallback text; escaped like the blocks. */
  readonly text: string;
  readonly blocks: SlackBlock[];
}

export function cardToBlockKit(card: Card, maxBlocks: number = L.blocks): BlockKitMessage {
  const seen = new Map<string, number>();
  let blocks: SlackBlock[] = [];
  for (const e of card.elements) blocks.push(...blocksFor(e, seen));
  // Views and some clients refuse an empty block list: show the summary instead.
  if (!blocks.length) blocks = [{ type: 'section', text: mrkdwn(fitEscaped(card.summary, L.sectionText)) }];
  if (blocks.length > maxBlocks) {
    blocks = [...blocks.slice(0, maxBlocks - 1), { type: 'context', elements: [mrkdwn('Shortened to fit Slack.')] }];
  }
  return { text: fitEscaped(neutralLine(card.summary), L.fallbackText), blocks };
}
