// Common first steps of every button: acknowledge at once, count it against the person's rate
// limit, read the payload, and answer a malformed or stale one politely.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { noticeCard } from '../../../render/answer-card.js';
import type { Asker } from '../../../surface/asker.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { checkLimit, tooManyRequests } from '../../../surface/request-limits.js';
import { readPayload, type ButtonPayload } from '../../payload.js';
import { showCard, showNote, type ActionContext } from '../../reply.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export const STALE_BUTTON = noticeCard('That button no longer works', 'Ask again with /whichtool, or message me directly.');

export interface Button<P = ButtonPayload> {
  readonly ctx: ActionContext;
  readonly payload: P;
  readonly asker: Asker;
  /** Who pressed, as the rate limits know them: one vote per answer, one access request per subject. */
  readonly person: string;
}

const contextOf = (args: ButtonArgs): ActionContext => ({ body: args.body, client: args.client, ...(args.respond ? { respond: args.respond } : {}) });

const teamOf = (args: ButtonArgs): string => args.body.team?.id ?? args.body.user.team_id ?? 'unknown';

/** False when the presser is over the limit (told once per streak, in a private note). */
async function withinLimit(deps: SurfaceDeps, args: ButtonArgs): Promise<boolean> {
  const limit = checkLimit(deps.limits, 'slack', `${teamOf(args)}:${args.body.user.id}`);
  if (!limit.retryInS) return true;
  if (limit.firstRefusal) await showNote(contextOf(args), noticeCard('Too many requests', tooManyRequests(limit.retryInS)));
  return false;
}

/** `parse` reads the button's value: an answer's payload unless the button carries something else. */
export async function readButton(deps: SurfaceDeps, args: ButtonArgs): Promise<Button | undefined>;
export async function readButton<P>(deps: SurfaceDeps, args: ButtonArgs, parse: (value: unknown) => P | undefined): Promise<Button<P> | undefined>;
export async function readButton(deps: SurfaceDeps, args: ButtonArgs, parse: (value: unknown) => unknown = readPayload): Promise<Button<unknown> | undefined> {
  await args.ack();
  if (!(await withinLimit(deps, args))) return undefined;
  const ctx = contextOf(args);
  const payload = parse(args.action.value);
  if (!payload) {
    await showCard(ctx, STALE_BUTTON);
    return undefined;
  }
  const body = args.body;
  const team = teamOf(args);
  const asker: Asker = { surface: 'slack', workspace: team, user: body.user.id, ...(body.channel?.id ? { channel: body.channel.id } : {}) };
  return { ctx, payload, asker, person: `${team}:${body.user.id}` };
}

/** A button this version does not know: acknowledged and answered politely. */
export async function staleButton(deps: SurfaceDeps, args: ButtonArgs): Promise<void> {
  await args.ack();
  if (await withinLimit(deps, args)) await showCard(contextOf(args), STALE_BUTTON);
}
