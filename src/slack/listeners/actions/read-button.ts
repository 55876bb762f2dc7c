// Common first steps of every button: acknowledge at once, read the payload, and answer a
// malformed or stale one politely.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { noticeCard } from '../../../render/answer-card.js';
import type { Asker } from '../../answering.js';
import { readPayload, type ButtonPayload } from '../../payload.js';
import { showCard, type ActionContext } from '../../reply.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export const STALE_BUTTON = noticeCard('That button no longer works', 'Ask again with /whichtool, or message me directly.');

export interface Button {
  readonly ctx: ActionContext;
  readonly payload: ButtonPayload;
  readonly asker: Asker;
}

export async function readButton(args: ButtonArgs): Promise<Button | undefined> {
  await args.ack();
  const ctx: ActionContext = { body: args.body, client: args.client, ...(args.respond ? { respond: args.respond } : {}) };
  const payload = readPayload(args.action.value);
  if (!payload) {
    await showCard(ctx, STALE_BUTTON);
    return undefined;
  }
  const body = args.body;
  const asker: Asker = {
    team: body.team?.id ?? body.user.team_id ?? 'unknown',
    user: body.user.id,
    ...(body.channel?.id ? { channel: body.channel.id } : {}),
  };
  return { ctx, payload, asker };
}

/** A button this version does not know: acknowledged and answered politely. */
export async function staleButton(args: ButtonArgs): Promise<void> {
  await args.ack();
  await showCard({ body: args.body, client: args.client, ...(args.respond ? { respond: args.respond } : {}) }, STALE_BUTTON);
}
