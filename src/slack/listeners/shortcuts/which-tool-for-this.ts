// "Which tool for this?" on any message (slash commands don't work in threads, bolt-js #1816):
// opens a modal with the message text, so the person can trim it to the request before asking.
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { checkLimit, tooManyRequests } from '../../../surface/request-limits.js';
import { plainMessageText } from '../../message-text.js';
import { askModal } from '../../views.js';

export const SHORTCUT_ID = 'which_tool_for_this';

export type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

export const whichToolForThis = (deps: SurfaceDeps) => async ({ shortcut, ack, client, context, respond }: ShortcutArgs): Promise<void> => {
  await ack();
  const limit = checkLimit(deps.limits, 'slack', `${shortcut.team?.id ?? shortcut.user.team_id ?? 'unknown'}:${shortcut.user.id}`);
  if (limit.retryInS) {
    if (limit.firstRefusal) await respond({ response_type: 'ephemeral', text: tooManyRequests(limit.retryInS) });
    return;
  }
  const message = shortcut.message as { text?: string; ts: string; thread_ts?: string };
  await client.views.open({
    trigger_id: shortcut.trigger_id,
    view: askModal(plainMessageText(message.text ?? '', context.botUserId), {
      channel: shortcut.channel.id,
      thread_ts: message.thread_ts ?? message.ts,
    }),
  });
};
