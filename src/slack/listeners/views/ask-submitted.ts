// The shortcut's modal was submitted: a refused request is shown as an error under the input
// (the modal stays open); otherwise the modal turns into the answer, with "Share" posting it
// under the message the shortcut was used on.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { checkRequest } from '../../../core/request.js';
import { answerRequest } from '../../../surface/answering.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { checkLimit, tooManyRequests } from '../../../surface/request-limits.js';
import { ASK_BLOCK, ASK_INPUT, answerModal, readMeta } from '../../views.js';

export type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

export const askSubmitted = (deps: SurfaceDeps) => async ({ view, body, ack }: SubmitArgs): Promise<void> => {
  const team = body.team?.id ?? body.user.team_id ?? 'unknown';
  // Over the limit the modal stays open with the reason under the input, as for a refused request.
  const limit = checkLimit(deps.limits, 'slack', `${team}:${body.user.id}`);
  if (limit.retryInS) return ack({ response_action: 'errors', errors: { [ASK_BLOCK]: tooManyRequests(limit.retryInS) } });
  const raw = view.state.values[ASK_BLOCK]?.[ASK_INPUT]?.value ?? '';
  const check = checkRequest(raw);
  if (!check.ok) {
    await ack({ response_action: 'errors', errors: { [ASK_BLOCK]: check.message } });
    return;
  }
  const meta = readMeta(view.private_metadata);
  const { card } = answerRequest(deps, check.text, { surface: 'slack', workspace: team, user: body.user.id, ...(meta.channel ? { channel: meta.channel } : {}) }, {
    share: Boolean(meta.channel && !meta.channel.startsWith('D')),
  });
  await ack({ response_action: 'update', view: answerModal(card, meta) });
};
