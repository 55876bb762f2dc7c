// `/whichtool <request>` (and `help`, `policy`, `digest …`). The core answers in well under a millisecond, so the answer rides
// in the ack itself (one round trip, always inside Slack's 3 s), computed at the end of the
// event-loop turn with the other requests read in it (surface/end-of-turn.ts). Digest
// commands may call Slack (users.info), so they ack first and answer through response_url.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { guideCard } from '../../../render/guide-card.js';
import { cardToBlockKit } from '../../../render/block-kit.js';
import { policyInForceCard } from '../../../render/policy-card.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { endOfTurn } from '../../../surface/end-of-turn.js';
import { checkLimit, tooManyRequests } from '../../../surface/request-limits.js';
import { answerText } from '../../answering.js';
import { digestReply } from '../../digest-reply.js';
import { plainMessageText, readIntent } from '../../intent.js';
import { logFor } from '../../request-log.js';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export const whichtoolCommand = (deps: SurfaceDeps) => async ({ command, ack, respond, client, context }: CommandArgs): Promise<void> => {
  // Over the limit: the polite answer rides in the ack, and nothing else happens.
  const limit = checkLimit(deps.limits, 'slack', `${command.team_id}:${command.user_id}`);
  if (limit.retryInS) return ack({ response_type: 'ephemeral', text: tooManyRequests(limit.retryInS) });
  // Slack escapes & < > and may send mentions as <@U…> markup; the core reads plain words.
  const intent = readIntent(plainMessageText(command.text ?? '', context.botUserId));
  const where = { team: command.team_id, user: command.user_id, channel: command.channel_id, enterprise: command.enterprise_id };
  if (intent.kind === 'digest') {
    await ack();
    const card = await digestReply(deps, client, intent.args, where, logFor(deps.log, context));
    await respond({ response_type: 'ephemeral', ...cardToBlockKit(card) });
    return;
  }
  // Still far inside Slack's 3 s: see end-of-turn.ts for why answers wait for the turn's end.
  await endOfTurn();
  const card =
    intent.kind === 'help'
      ? guideCard({ ...deps.guide, platform: 'slack' })
      : intent.kind === 'policy'
        ? policyInForceCard(deps.policy.current())
        : answerText(deps, intent.text, where, { share: !command.channel_id.startsWith('D') }).card;
  await ack({ response_type: 'ephemeral', ...cardToBlockKit(card) });
};
