// Installation: when the bot is added to a team, chat or personal scope, keep the conversation
// reference (digests post through it later) and say hello once; on removal, forget it.
import { TurnContext, type Activity } from 'botbuilder';
import { helpCard } from '../render/answer-card.js';
import type { Card } from '../render/card.js';
import type { ConversationRefs } from '../store/types.js';
import { whereFrom } from './conversation.js';

export const welcomeCard = (scope: string): Card =>
  helpCard(
    scope === 'personal'
      ? 'Hi! Tell me what you want to make or do, and I will say which kind of AI tool fits, what it costs and how long it takes.'
      : 'Hi! @mention me with what you want to make or do, and I will say which kind of AI tool fits, what it costs and how long it takes.',
  );

/** A reference is ids, names and a URL; one larger than this is not from Teams and is not kept. */
export const MAX_REFERENCE_CHARS = 4096;

/** Saves the reference; true when it is new, so the greeting is sent once although Teams
 * announces an installation twice (installationUpdate and conversationUpdate). `authenticated`
 * says whether the activity carried a valid Bot Framework token (see service-url.ts). */
export async function remember(refs: ConversationRefs, activity: Activity, authenticated: boolean): Promise<boolean> {
  const where = whereFrom(activity);
  const reference = TurnContext.getConversationReference(activity);
  if (JSON.stringify(reference).length > MAX_REFERENCE_CHARS) return false;
  const known = (await refs.get(where.conversationId)) !== undefined;
  refs.save({ conversationId: where.conversationId, tenantId: where.tenantId, scope: where.scope, reference, updatedAt: new Date(), authenticated });
  return !known;
}

export function forget(refs: ConversationRefs, activity: Activity): void {
  refs.remove(whereFrom(activity).conversationId);
}

export const botWasAdded = (activity: Activity): boolean =>
  (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);

export const botWasRemoved = (activity: Activity): boolean =>
  (activity.membersRemoved ?? []).some((m) => m.id === activity.recipient?.id);
