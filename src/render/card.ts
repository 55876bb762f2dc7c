// The neutral card: what every surface shows, before it becomes Block Kit, an Adaptive Card
// or plain text. All text here is plain, never markup; each platform renderer escapes it.

export const ACTION_IDS = [
  'alternatives', 'compare', 'share', 'feedback_up', 'feedback_down', 'clarify', 'example', 'back',
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

/**
 * Actions a company's AI policy adds. Kept apart from ACTION_IDS until the Slack and Teams
 * listeners handle them: they dispatch over ACTION_IDS exhaustively, and until then a press
 * reaches their "stale button" reply (Slack still opens the access page). Wiring the policy
 * into a surface means moving these into ACTION_IDS and handling them there.
 */
export const POLICY_ACTION_IDS = ['request_access'] as const;
export type PolicyActionId = (typeof POLICY_ACTION_IDS)[number];
export type CardActionId = ActionId | PolicyActionId;

/** What a button carries back: enough to rebuild the answer without server-side state. */
export interface ActionPayload {
  /** The request, cut to fit platform limits. */
  readonly q: string;
  readonly prefer?: string;
  /** Catalog version of the answer the button was on. */
  readonly v?: string;
  /** `request_access`: what access is asked for, a tool's name or, when no tool is allowed, a category id. */
  readonly access?: string;
}

export interface CardAction {
  readonly id: CardActionId;
  readonly label: string;
  readonly payload: ActionPayload;
  readonly style?: 'primary' | 'danger';
  /**
   * A page the action opens as well (`request_access`: the policy's access form). Slack opens it
   * and still sends the action, so the request is counted; Adaptive Card hosts send the action
   * only, and the bot answers with `accessCard`, which links to the page.
   */
  readonly url?: string;
}

/** How a company's AI policy rates a tool: the badge next to it (prohibited only on tools people named). */
export type Badge = 'approved' | 'restricted' | 'review' | 'prohibited';

export const BADGE_TEXT: Readonly<Record<Badge, string>> = { approved: 'Approved', restricted: 'Restricted', review: 'Under review', prohibited: 'Prohibited' };

export interface ToolLine {
  readonly name: string;
  readonly badge?: Badge;
  /** Shown under the tool: the policy's condition or reason, and the company's link for it. */
  readonly note?: string;
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
  | { readonly type: 'actions'; readonly actions: readonly CardAction[] }
  /** Something people must read before the rest (a policy's data rule). */
  | { readonly type: 'notice'; readonly title: string; readonly text: string }
  /** Tools with their policy badges and notes; `empty` is said when there is none. */
  | { readonly type: 'tools'; readonly title: string; readonly tools: readonly ToolLine[]; readonly empty?: string }
  /** A page to open, not an action for the bot. */
  | { readonly type: 'link'; readonly label: string; readonly url: string }
  /** Who posted a shared answer: `name` as the platform gave it; Slack shows `slackUser` as a live mention. */
  | { readonly type: 'shared-by'; readonly name: string; readonly slackUser?: string };

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
