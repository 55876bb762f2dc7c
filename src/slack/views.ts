// Slack views: the modal behind the message shortcut, the modal an answer is shown in, and
// App Home. Each is a neutral card rendered by cardToBlockKit, wrapped in Slack's view shape.
import { guideCard, type GuideFacts } from '../render/guide-card.js';
import { cardToBlockKit, type SlackBlock } from '../render/block-kit.js';
import { payloadFor, type Card, type CardElement } from '../render/card.js';
import type { HistoryEntry } from '../store/types.js';
import { MAX_REQUEST_CHARS } from '../core/errors.js';

export const ASK_MODAL = 'which_tool_ask';
export const ANSWER_MODAL = 'which_tool_answer';
export const ASK_BLOCK = 'request';
export const ASK_INPUT = 'request_text';
/** Slack allows 100 blocks in modals and App Home. */
const VIEW_BLOCKS = 100;

/** Where the shortcut was used, so "Share in channel" knows where to post. */
export interface ModalMeta {
  readonly channel?: string;
  readonly thread_ts?: string;
}

export function readMeta(privateMetadata: string | undefined): ModalMeta {
  try {
    const m = JSON.parse(privateMetadata || '{}') as Record<string, unknown>;
    return {
      ...(typeof m.channel === 'string' ? { channel: m.channel } : {}),
      ...(typeof m.thread_ts === 'string' ? { thread_ts: m.thread_ts } : {}),
    };
  } catch {
    return {};
  }
}

const title = (text: string) => ({ type: 'plain_text' as const, text });

export function askModal(prefill: string, meta: ModalMeta) {
  return {
    type: 'modal' as const,
    callback_id: ASK_MODAL,
    private_metadata: JSON.stringify(meta),
    title: title('Which tool for this?'),
    submit: title('Ask'),
    close: title('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: ASK_BLOCK,
        label: title('What do you want to make or do?'),
        element: {
          type: 'plain_text_input',
          action_id: ASK_INPUT,
          multiline: true,
          max_length: 3000,
          // Input values are plain text, shown as typed: no escaping, only Slack's length cap.
          ...(prefill ? { initial_value: prefill.slice(0, 3000) } : {}),
        },
        hint: title(`Edit the message down to the request; up to ${MAX_REQUEST_CHARS.toLocaleString('en-US')} characters.`),
      },
    ],
  };
}

export function answerModal(card: Card, meta: ModalMeta) {
  return {
    type: 'modal' as const,
    callback_id: ANSWER_MODAL,
    private_metadata: JSON.stringify(meta),
    title: title('Which Tool'),
    close: title('Close'),
    blocks: cardToBlockKit(card, VIEW_BLOCKS).blocks,
  };
}

export function homeCard(recent: readonly HistoryEntry[], guide: Omit<GuideFacts, 'platform'>): Card {
  const help = guideCard({ ...guide, platform: 'slack' });
  const history: CardElement[] = recent.length
    ? [
        { type: 'divider' },
        { type: 'header', text: 'Your recent questions' },
        { type: 'actions', actions: recent.map((h) => ({ id: 'example', label: h.text, payload: payloadFor(h.text) })) },
      ]
    : [];
  return { summary: help.summary, elements: [...help.elements, ...history] };
}

export function homeView(recent: readonly HistoryEntry[], guide: Omit<GuideFacts, 'platform'>): { type: 'home'; blocks: SlackBlock[] } {
  return { type: 'home', blocks: cardToBlockKit(homeCard(recent, guide), VIEW_BLOCKS).blocks };
}

