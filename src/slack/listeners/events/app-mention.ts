// "@Which Tool <request>" in a channel: answered in a thread under the mention.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { plainMessageText } from '../../message-text.js';
import { logFor } from '../../request-log.js';
import { answerMessage } from './answer-message.js';

export type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

/** The mention that triggered the event opens the text; drop it even when our id is unknown. */
const LEADING_MENTION = /^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>[\s,:]*/;

export const appMention = (deps: SurfaceDeps) => async ({ event, body, client, context }: MentionArgs): Promise<void> => {
  if (!event.user) return;
  await answerMessage(deps, client, {
    text: plainMessageText(event.text.replace(LEADING_MENTION, ''), context.botUserId),
    team: event.team ?? body.team_id,
    enterprise: context.enterpriseId,
    channel: event.channel,
    user: event.user,
    threadTs: event.thread_ts ?? event.ts,
  }, logFor(deps.log, context));
};
