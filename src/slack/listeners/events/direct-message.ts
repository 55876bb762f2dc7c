// A direct message to the bot (message.im). Edits, deletions, joins and every bot's own
// messages carry a subtype or bot_id and are skipped: answering them would loop.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { plainMessageText } from '../../message-text.js';
import { logFor } from '../../request-log.js';
import { answerMessage } from './answer-message.js';

export type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

export const directMessage = (deps: SurfaceDeps) => async ({ message, body, client, context }: MessageArgs): Promise<void> => {
  if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message && message.bot_id) return;
  await answerMessage(deps, client, {
    text: plainMessageText(message.text ?? '', context.botUserId),
    team: message.team ?? body.team_id,
    enterprise: context.enterpriseId,
    channel: message.channel,
    user: message.user,
    ...(message.thread_ts ? { threadTs: message.thread_ts } : {}),
  }, logFor(deps.log, context));
};
