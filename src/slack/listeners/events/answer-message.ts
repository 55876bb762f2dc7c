// Answers text typed in a conversation (a mention or a direct message) with a new message.
import type { webApi } from '@slack/bolt';
import { helpCard } from '../../../render/answer-card.js';
import { cardToBlockKit } from '../../../render/block-kit.js';
import type { Card } from '../../../render/card.js';
import type { SurfaceDeps } from '../../../server/deps.js';
import { answerText } from '../../answering.js';
import { digestReply } from '../../digest-reply.js';
import { readIntent } from '../../intent.js';

export interface TypedMessage {
  readonly text: string;
  readonly team: string;
  readonly channel: string;
  readonly user?: string;
  /** The Grid organisation, if any: a digest set here may be served by its org-wide installation. */
  readonly enterprise?: string | undefined;
  /** Reply in this thread; absent for a plain direct-message reply. */
  readonly threadTs?: string;
}

export async function cardForMessage(deps: SurfaceDeps, client: webApi.WebClient, m: TypedMessage): Promise<Card> {
  const intent = readIntent(m.text);
  const where = { team: m.team, channel: m.channel, enterprise: m.enterprise, ...(m.user ? { user: m.user } : {}) };
  if (intent.kind === 'help') return helpCard();
  if (intent.kind === 'digest') return digestReply(deps, client, intent.args, where);
  // The answer is already public here, so no "Share in channel".
  return answerText(deps, intent.text, where, { share: false }).card;
}

export async function answerMessage(deps: SurfaceDeps, client: webApi.WebClient, m: TypedMessage): Promise<void> {
  const card = await cardForMessage(deps, client, m);
  await client.chat.postMessage({
    channel: m.channel,
    ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    ...cardToBlockKit(card),
    unfurl_links: false,
  });
}
