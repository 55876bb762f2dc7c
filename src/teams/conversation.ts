// Where a Teams activity came from, read once: tenant, conversation and scope. Teams puts the
// tenant in channelData; the Playground and Emulator sometimes only in conversation.tenantId.
import type { Activity } from 'botbuilder';
import { CONVERSATION_SCOPES, type ConversationRefRecord } from '../store/types.js';
import type { Asker } from '../surface/asker.js';

export type Scope = ConversationRefRecord['scope'];

export interface Where {
  readonly tenantId: string;
  readonly conversationId: string;
  readonly scope: Scope;
}

const SCOPES: readonly Scope[] = CONVERSATION_SCOPES;

/** Who sent the activity, for the per-person rate limit: tenant and Entra object id (or channel account id). */
export function personFrom(activity: Partial<Activity>): string {
  const from = activity.from;
  return `${whereFrom(activity).tenantId}:${from?.aadObjectId ?? from?.id ?? 'unknown'}`;
}

export function whereFrom(activity: Partial<Activity>): Where {
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: unknown } };
  const fromChannelData = typeof channelData.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  const type = activity.conversation?.conversationType as Scope | undefined;
  return {
    tenantId: fromChannelData ?? activity.conversation?.tenantId ?? 'unknown',
    conversationId: activity.conversation?.id ?? 'unknown',
    scope: type && SCOPES.includes(type) ? type : 'personal',
  };
}

/** Where a request was asked, as the shared answers log it. No user id: Teams shows nobody a history of their questions, so none is kept. */
export const askerOf = (where: Where): Asker => ({ surface: 'teams', workspace: where.tenantId, channel: where.conversationId });
