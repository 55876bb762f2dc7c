// Neutral cards as Bot Framework messages and invoke bodies: the Adaptive Card, plus the
// card's one-line summary for notifications and the plain-text fallback inside the card.
import type { Activity, Attachment } from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE, cardToAdaptiveCard, plainText, type AdaptiveCardOptions } from '../render/adaptive-card.js';
import type { Card } from '../render/card.js';

export const cardAttachment = (card: Card, options?: AdaptiveCardOptions): Attachment => ({
  contentType: ADAPTIVE_CARD_CONTENT_TYPE,
  content: cardToAdaptiveCard(card, options),
});

export const cardMessage = (card: Card, options?: AdaptiveCardOptions): Partial<Activity> => ({
  type: 'message',
  summary: plainText(card.summary),
  attachments: [cardAttachment(card, options)],
});

/** The body Teams expects back from `adaptiveCard/action`: the card that replaces the pressed one. */
export const cardInvokeBody = (card: Card) => ({
  statusCode: 200,
  type: ADAPTIVE_CARD_CONTENT_TYPE,
  value: cardToAdaptiveCard(card),
});
