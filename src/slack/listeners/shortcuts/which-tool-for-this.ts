// "Which tool for this?" on any message (slash commands don't work in threads, bolt-js #1816):
// opens a modal with the message text, so the person can trim it to the request before asking.
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { plainMessageText } from '../../intent.js';
import { askModal } from '../../views.js';

export const SHORTCUT_ID = 'which_tool_for_this';

export type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

export const whichToolForThis = () => async ({ shortcut, ack, client, context }: ShortcutArgs): Promise<void> => {
  await ack();
  const message = shortcut.message as { text?: string; ts: string; thread_ts?: string };
  await client.views.open({
    trigger_id: shortcut.trigger_id,
    view: askModal(plainMessageText(message.text ?? '', context.botUserId), {
      channel: shortcut.channel.id,
      thread_ts: message.thread_ts ?? message.ts,
    }),
  });
};
