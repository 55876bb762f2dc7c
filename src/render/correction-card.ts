// The corrections flow's cards (issue 16): "what did you need?" with the kinds as buttons, and
// the replies to a choice and to an owner's decision. The request is quoted as typed text, so
// each renderer escapes it as it does an answer's.
import type { LabelT } from '../core/model/corpus.js';
import type { CategoryIdT } from '../core/schema.js';
import { noticeCard } from './answer-card.js';
import { payloadFor, quoteLine, type ActionPayload, type Card, type ChoiceOption } from './card.js';

/** The kinds offered, in the order people read them; ids are the catalog's category ids. */
export const KIND_CHOICES: readonly { readonly kind: LabelT; readonly label: string }[] = [
  { kind: 'llm', label: 'Language' },
  { kind: 'code', label: 'Code' },
  { kind: 'image', label: 'Image' },
  { kind: 'video', label: 'Video' },
  { kind: 'audio', label: 'Audio' },
  { kind: '3d', label: '3D' },
  { kind: 'multimodal', label: 'Several at once' },
  { kind: 'none', label: 'Not an AI-tool question' },
];

export interface KindsCardInput {
  readonly query: string;
  /** Catalog version and preference of the answer being corrected, so the choice records that answer. */
  readonly v?: string;
  readonly prefer?: CategoryIdT;
  /** WHICH_TOOL_STORE_TEXT: what the person is told goes to the owners. */
  readonly keepsText: boolean;
  /** The catalog's industries, offered as an optional pick beside the kinds. */
  readonly industries: readonly ChoiceOption[];
}

export function kindsCard({ query, v, prefer, keepsText, industries }: KindsCardInput): Card {
  const base: Omit<ActionPayload, 'q'> = { ...(v ? { v } : {}), ...(prefer ? { prefer } : {}) };
  return {
    summary: 'What kind of tool did you need?',
    elements: [
      { type: 'header', text: 'What kind of tool did you need?' },
      { type: 'text', text: `For “${quoteLine(query)}”`, typed: true },
      ...(industries.length ? [{ type: 'choice' as const, id: 'industry' as const, label: 'Industry (optional)', options: industries }] : []),
      { type: 'actions', actions: KIND_CHOICES.map((c) => ({ id: 'kind', label: c.label, payload: payloadFor(query, { ...base, kind: c.kind }) })) },
      {
        type: 'context',
        text: keepsText
          ? "Your choice and the text of your request go to this catalog's owners, who decide whether the bot learns from it."
          : "Only the change of kind is kept for this catalog's owners, not the text of your request.",
      },
    ],
  };
}

/** What someone who is not an owner sees on pressing Accept or Reject. */
export const NOT_OWNER_TITLE = 'Only the catalog owners can decide';

export const correctionThanksCard = (message: string): Card => noticeCard('Thanks, noted', message);
export const correctionLimitCard = (message: string): Card => noticeCard('That is enough for this hour', message);

/** An owner's decision, confirmed: `text` is the request (null when the deployment keeps none). */
export function decidedCard(status: 'accepted' | 'rejected', text: string | null, kind: string): Card {
  if (status === 'rejected') return noticeCard('Correction rejected', `${text === null ? 'The correction' : `“${quoteLine(text, 200)}”`} will not teach the bot ${kind}; if it had been accepted, its effect is undone.`);
  if (text === null) return noticeCard('Correction accepted', `Noted that ${kind} was needed. It kept no request text, so it cannot teach the bot.`);
  return noticeCard('Correction accepted', `“${quoteLine(text, 200)}” is now taught as ${kind}: the bot answers requests like it that way within a minute.`);
}
