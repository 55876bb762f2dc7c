// Neutral card -> Adaptive Card 1.5 JSON, as Teams renders it. Pure: no SDK, no I/O.
// All text goes into TextRuns, which no Adaptive Card host reads as markdown, and is also
// defused, so a request cannot turn into a link, a mention or markup on any client.
import { BADGE_TEXT, type ActionPayload, type Badge, type Card, type CardAction, type CardActionId, type CardElement, type ToolLine } from './card.js';
import { cardToText } from './text.js';

export const ADAPTIVE_CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Teams refuses messages over ~28 KB; cards are kept well below with the fallback text included. */
export const MAX_CARD_BYTES = 28 * 1024;
const MAX_FALLBACK_CHARS = 4000;

export interface TextRun {
  readonly type: 'TextRun';
  readonly text: string;
  readonly weight?: 'Bolder';
  readonly size?: 'Medium' | 'Large' | 'Small';
  readonly isSubtle?: boolean;
  readonly italic?: boolean;
  readonly color?: 'Good' | 'Warning' | 'Attention' | 'Accent';
}

export interface RichTextBlock {
  readonly type: 'RichTextBlock';
  readonly inlines: readonly TextRun[];
  readonly separator?: boolean;
  readonly spacing?: 'None' | 'Small' | 'Medium';
}

export interface TableCell {
  readonly type: 'TableCell';
  readonly items: readonly RichTextBlock[];
}

export interface TableRow {
  readonly type: 'TableRow';
  readonly cells: readonly TableCell[];
}

export interface Table {
  readonly type: 'Table';
  readonly columns: readonly { readonly width: number }[];
  readonly rows: readonly TableRow[];
  readonly firstRowAsHeader: boolean;
  readonly gridStyle: 'accent';
}

export interface Container {
  readonly type: 'Container';
  readonly items: readonly AdaptiveElement[];
  readonly separator?: boolean;
  readonly spacing?: 'Small' | 'Medium';
  readonly style?: 'warning';
}

export interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly AdaptiveAction[];
}

export type AdaptiveElement = RichTextBlock | Table | Container | ActionSet;

/** What an action button sends back: the neutral action id and its payload. */
export interface ActionData extends ActionPayload {
  readonly verb: CardActionId;
}

export interface ExecuteAction {
  readonly type: 'Action.Execute';
  readonly title: string;
  readonly verb: CardActionId;
  readonly data: ActionData;
  readonly style?: 'positive' | 'destructive';
}

export interface SubmitAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: ActionData;
  readonly style?: 'positive' | 'destructive';
}

/** Opens a page; the bot hears nothing of it (so `request_access` is an Execute/Submit, see CardAction.url). */
export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

export type AdaptiveAction = ExecuteAction | SubmitAction | OpenUrlAction;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: typeof ADAPTIVE_CARD_VERSION;
  readonly body: readonly AdaptiveElement[];
  readonly fallbackText: string;
  readonly speak: string;
}

export interface AdaptiveCardOptions {
  /**
   * `execute` (Universal Actions) updates the card in place; `submit` posts a message activity,
   * for hosts without Universal Actions (e.g. cards a person inserts from a message extension).
   */
  readonly actions?: 'execute' | 'submit' | 'none';
}

const WORD_JOINER = '\u2060';

/**
 * Defuses markup that a host might still read: `<at>` mentions, HTML tags and `<url>` autolinks
 * (a joiner after `<`), `[text](url)` links (a joiner between `]` and `(`), and `&` entities.
 * The joiner is invisible, so people read the text exactly as typed.
 */
export function plainText(text: string): string {
  return text
    .replace(/<(?=[A-Za-z/!?])/g, `<${WORD_JOINER}`)
    .replace(/\](?=\s*\()/g, `]${WORD_JOINER}`)
    .replace(/&(?=#?\w+;)/g, `&${WORD_JOINER}`);
}

const run = (text: string, style: Omit<TextRun, 'type' | 'text'> = {}): TextRun => ({ type: 'TextRun', text: plainText(text), ...style });

const block = (inlines: TextRun[], extra: Omit<RichTextBlock, 'type' | 'inlines'> = {}): RichTextBlock => ({
  type: 'RichTextBlock',
  inlines,
  ...extra,
});

function action(a: CardAction, kind: 'execute' | 'submit'): AdaptiveAction {
  const data: ActionData = { verb: a.id, ...a.payload };
  const style = a.style === 'primary' ? { style: 'positive' as const } : a.style === 'danger' ? { style: 'destructive' as const } : {};
  return kind === 'execute'
    ? { type: 'Action.Execute', title: a.label, verb: a.id, data, ...style }
    : { type: 'Action.Submit', title: a.label, data, ...style };
}

// Hosts show at most five actions in one set (the default host config says so too).
const MAX_ACTIONS_PER_SET = 5;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

function table(columns: readonly string[], rows: readonly (readonly string[])[]): Table {
  const cell = (text: string, header: boolean): TableCell => ({
    type: 'TableCell',
    items: [block([run(text, header ? { weight: 'Bolder' } : {})])],
  });
  return {
    type: 'Table',
    columns: columns.map((_, i) => ({ width: i === 0 ? 2 : 3 })),
    firstRowAsHeader: true,
    gridStyle: 'accent',
    rows: [columns, ...rows].map((r, i) => ({ type: 'TableRow', cells: columns.map((_, c) => cell(r[c] ?? '', i === 0 || c === 0)) })),
  };
}

const BADGE_COLOR: Readonly<Record<Badge, NonNullable<TextRun['color']>>> = { approved: 'Good', restricted: 'Warning', review: 'Accent', prohibited: 'Attention' };

function toolBlocks(t: ToolLine): RichTextBlock[] {
  const head = [run(t.name, { weight: 'Bolder' }), ...(t.badge ? [run(`  ${BADGE_TEXT[t.badge]}`, { color: BADGE_COLOR[t.badge], size: 'Small' })] : [])];
  // The note sits right under its tool, so it reads as that tool's condition.
  return [block(head, { spacing: 'Small' }), ...(t.note ? [block([run(t.note, { isSubtle: true, size: 'Small' })], { spacing: 'None' })] : [])];
}

function element(e: CardElement, kind: 'execute' | 'submit' | 'none'): AdaptiveElement[] {
  switch (e.type) {
    case 'header':
      return [block([run(e.text, { weight: 'Bolder', size: 'Medium' })])];
    case 'text':
      // Line breaks become separate blocks: hosts differ on single newlines inside a run.
      return e.text.split('\n').map((line) => block([run(line, e.emphasis ? { weight: 'Bolder' } : {})]));
    case 'fields':
      return [
        {
          type: 'Container',
          spacing: 'Small',
          items: e.fields.map((f) => block([run(`${f.label}: `, { weight: 'Bolder' }), run(f.value)])),
        },
      ];
    case 'list':
      return [block([run(e.title, { weight: 'Bolder' })]), ...e.items.map((item, i) => block([run(`${i + 1}. ${item}`)], { spacing: 'Small' }))];
    case 'table':
      return [table(e.columns, e.rows)];
    case 'divider':
      return [{ type: 'Container', separator: true, spacing: 'Medium', items: [] }];
    case 'context':
      return [block([run(e.text, { isSubtle: true, size: 'Small' })])];
    case 'shared-by':
      return [block([run(`Shared by ${e.name}`, { isSubtle: true, size: 'Small' })])];
    case 'actions':
      if (kind === 'none') return [];
      return chunks(e.actions, MAX_ACTIONS_PER_SET).map((set) => ({ type: 'ActionSet', actions: set.map((a) => action(a, kind)) }));
    case 'notice':
      return [{ type: 'Container', style: 'warning', items: [block([run(`${e.title}: `, { weight: 'Bolder' }), run(e.text)])] }];
    case 'tools':
      return [
        block([run(e.title, { weight: 'Bolder' })]),
        ...(e.tools.length ? e.tools.flatMap(toolBlocks) : [block([run(e.empty ?? 'None.')], { spacing: 'Small' })]),
      ];
    case 'link':
      return [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: e.label, url: e.url }] }];
  }
}

function joinDividers(items: AdaptiveElement[]): AdaptiveElement[] {
  // A divider marks the element after it with a separator: an empty Container is not valid.
  const out: AdaptiveElement[] = [];
  let separate = false;
  for (const it of items) {
    if (it.type === 'Container' && !it.items.length) {
      separate = true;
      continue;
    }
    out.push(separate && it.type !== 'ActionSet' ? ({ ...it, separator: true, spacing: 'Medium' } as AdaptiveElement) : it);
    separate = false;
  }
  return out;
}

export function cardToAdaptiveCard(card: Card, options: AdaptiveCardOptions = {}): AdaptiveCard {
  const kind = options.actions ?? 'execute';
  const fallback = cardToText(card);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    body: joinDividers(card.elements.flatMap((e) => element(e, kind))),
    fallbackText: plainText(fallback.length > MAX_FALLBACK_CHARS ? `${fallback.slice(0, MAX_FALLBACK_CHARS - 1)}…` : fallback),
    speak: plainText(card.summary),
  };
}

/** Size of the card as sent, in bytes of JSON. */
export const adaptiveCardBytes = (card: AdaptiveCard): number => new TextEncoder().encode(JSON.stringify(card)).length;
