// "Share in channel": posts the answer publicly as a new message (an ephemeral message can't be
// turned public, bolt-js #2287), then removes the private copy.
import { answerCard, noticeCard, sharedCard } from '../../../render/answer-card.js';
import { cardToBlockKit } from '../../../render/block-kit.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { shareTarget, showCard, showNote } from '../../reply.js';
import { logFor } from '../../request-log.js';
import { readButton, type ButtonArgs } from './read-button.js';

export const CANNOT_POST = noticeCard(
  'I can’t post there',
  'I am not a member of this conversation. Invite me with /invite @Which Tool, then share again.',
);

const sharer = (user: { id: string; name?: string; username?: string }) => ({ name: user.name ?? user.username ?? user.id, slackUser: user.id });

export const share = (deps: SurfaceDeps) => async (args: ButtonArgs): Promise<void> => {
  const b = await readButton(deps, args);
  if (!b) return;
  const target = shareTarget(b.ctx.body);
  if (!target.channel) return showNote(b.ctx, CANNOT_POST);
  const answer = deps.recommender.ask(b.payload.q, b.payload.prefer ? { prefer: b.payload.prefer } : {});
  const posted = await b.ctx.client.chat
    .postMessage({
      channel: target.channel,
      ...(target.thread_ts ? { thread_ts: target.thread_ts } : {}),
      ...cardToBlockKit(sharedCard(answerCard(answer, { share: false, feedback: false }), sharer(b.ctx.body.user))),
      unfurl_links: false,
    })
    .then(
      () => true,
      (err: unknown) => {
        logFor(deps.log, args.context).warn({ err: (err as Error).message }, 'share: chat.postMessage failed');
        return false;
      },
    );
  if (!posted) return showNote(b.ctx, CANNOT_POST);
  if (b.ctx.body.view) return showCard(b.ctx, noticeCard('Shared', 'The answer is now in the conversation.'));
  if (b.ctx.respond) await b.ctx.respond({ delete_original: true });
};
