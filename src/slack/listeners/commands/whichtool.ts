// `/whichtool <request>` (and `help`, `examples`, `policy`, `digest …`), read and answered by the
// shared pipeline (surface/reply.ts). The core answers in well under a millisecond, so the answer
// rides in the ack itself (one round trip, always inside Slack's 3 s), computed at the end of the
// event-loop turn with the other requests read in it (surface/end-of-turn.ts). Digest commands
// may call Slack (users.info), so they ack first and answer through response_url.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { cardToBlockKit } from '../../../render/block-kit.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { endOfTurn } from '../../../surface/end-of-turn.js';
import { readIntent } from '../../../surface/intent.js';
import { replyTo } from '../../../surface/reply.js';
import { checkLimit, tooManyRequests } from '../../../surface/request-limits.js';
import { slackDigestTarget } from '../../digest-target.js';
import { plainMessageText } from '../../message-text.js';
import { logFor } from '../../request-log.js';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export const whichtoolCommand = (deps: SurfaceDeps) => async ({ command, ack, respond, client, context }: CommandArgs): Promise<void> => {
  // Over the limit: the polite answer rides in the ack, and nothing else happens.
  const limit = checkLimit(deps.limits, 'slack', `${command.team_id}:${command.user_id}`);
  if (limit.retryInS) return ack({ response_type: 'ephemeral', text: tooManyRequests(limit.retryInS) });
  // Slack escapes & < > and may send mentions as <@U…> markup; the core reads plain words.
  const intent = readIntent(plainMessageText(command.text ?? '', context.botUserId));
  const where = { team: command.team_id, user: command.user_id, channel: command.channel_id, enterprise: command.enterprise_id };
  const reply = () =>
    replyTo(deps, intent, {
      asker: { surface: 'slack', workspace: command.team_id, user: command.user_id, channel: command.channel_id },
      share: !command.channel_id.startsWith('D'),
      digestTarget: () => slackDigestTarget(client, where),
      log: logFor(deps.log, context),
    });
  if (intent.kind === 'digest') {
    await ack();
    await respond({ response_type: 'ephemeral', ...cardToBlockKit(await reply()) });
    return;
  }
  // Still far inside Slack's 3 s: see end-of-turn.ts for why answers wait for the turn's end.
  await endOfTurn();
  await ack({ response_type: 'ephemeral', ...cardToBlockKit(await reply()) });
};
