// Where a button's answer goes. Ephemeral messages are replaced through response_url; a public
// message (an answer in a thread) stays as it is and the clicker gets a private reply; a modal
// is updated in place; App Home opens a modal.
import type { BlockAction, RespondFn, webApi } from '@slack/bolt';
import { cardToBlockKit } from '../render/block-kit.js';
import type { Card } from '../render/card.js';
import { answerModal, readMeta, type ModalMeta } from './views.js';

export interface ActionContext {
  readonly body: BlockAction;
  readonly client: webApi.WebClient;
  readonly respond?: RespondFn;
}

/** The channel (and thread) a shared answer should go to, if any. */
export function shareTarget(body: BlockAction): ModalMeta {
  if (body.view?.type === 'modal') return readMeta(body.view.private_metadata);
  return body.channel?.id ? { channel: body.channel.id } : {};
}

/** Sharing makes sense where others can see: not in a direct message, not from App Home. */
export function canShare(body: BlockAction): boolean {
  const channel = shareTarget(body).channel;
  return Boolean(channel && !channel.startsWith('D'));
}

export async function showCard(ctx: ActionContext, card: Card): Promise<void> {
  const { body, client, respond } = ctx;
  const view = body.view;
  if (view?.type === 'modal') {
    await client.views.update({ view_id: view.id, hash: view.hash, view: answerModal(card, readMeta(view.private_metadata)) });
    return;
  }
  if (view) {
    await client.views.open({ trigger_id: body.trigger_id, view: answerModal(card, {}) });
    return;
  }
  if (!respond) return;
  const ephemeral = Boolean((body.container as { is_ephemeral?: boolean } | undefined)?.is_ephemeral);
  await respond({ response_type: 'ephemeral', replace_original: ephemeral, ...cardToBlockKit(card) });
}

/** A short note next to the card (thanks, "can't post there"): never replaces the answer. */
export async function showNote(ctx: ActionContext, card: Card): Promise<void> {
  if (ctx.body.view || !ctx.respond) return showCard(ctx, card);
  await ctx.respond({ response_type: 'ephemeral', replace_original: false, ...cardToBlockKit(card) });
}
