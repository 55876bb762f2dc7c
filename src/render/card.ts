// The neutral card: what every surface shows, before it becomes Block Kit, an Adaptive Card
// or plain text. All text here is plain, never markup; each platform renderer escapes it.

export const ACTION_IDS = [
  'alternatives', 'compare', 'share', 'feedback_up', 'feedback_down', 'clarify', 'example', 'back',
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

/** What a button carries back: enough to rebuild the answer without server-side state. */
export interface ActionPayload {
  /** The request, cut to fit platform limits. */
  readonly q: string;
  readonly prefer?: string;
  /** Catalog version of the answer the button was on. */
  readonly v?: string;
}

export interface CardAction {
  readonly id: ActionId;
  readonly label: string;
  readonly payload: ActionPayload;
  readonly style?: 'primary' | 'danger';
}

export interface Field {
  readonly label: string;
  readonly value: string;
}

/**
 * `typed`: the text carries what a person typed (a request, quoted back). Renderers must show it
 * exactly as text, never as markup, so it cannot pass for the bot's own words or layout.
 */
export type CardElement =
  | { readonly type: 'header'; readonly text: string }
  | { readonly type: 'text'; readonly text: string; readonly emphasis?: boolean; readonly typed?: boolean }
  | { readonly type: 'fields'; readonly fields: readonly Field[] }
  | { readonly type: 'list'; readonly title: string; readonly items: readonly string[]; readonly typed?: boolean }
  | { readonly type: 'table'; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly type: 'divider' }
  | { readonly type: 'context'; readonly text: string }
  | { readonly type: 'actions'; readonly actions: readonly CardAction[] };

export interface Card {
  /** One line that stands for the whole card: notifications, fallbacks, screen readers. */
  readonly summary: string;
  readonly elements: readonly CardElement[];
}

/** A request quoted back on one line, cut to `max`: line breaks and runs of spaces fold to one space. */
export const quoteLine = (text: string, max = 300): string => {
  const line = /\s\s|[\n\r\t\v\f\u2028\u2029]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  return line.length > max ? `${line.slice(0, max - 3)}…` : line;
};

/** Payload text budget: Slack button values hold 2,000 characters, JSON and the rest included. */
export const PAYLOAD_QUERY_CHARS = 1500;

export const payloadFor = (query: string, extra: Omit<ActionPayload, 'q'> = {}): ActionPayload => ({
  q: query.length > PAYLOAD_QUERY_CHARS ? query.slice(0, PAYLOAD_QUERY_CHARS) : query,
  ...extra,
});
