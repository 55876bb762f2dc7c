// 👍 / 👎: stored with the category and catalog version, never the user or the text. One person's
// vote on one answer counts once, however often the button is pressed. 👎 then asks what was needed.
import { noticeCard } from '../../../render/answer-card.js';
import { offerKinds } from '../../../surface/corrections.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { showCard, showNote } from '../../reply.js';
import { readButton, type ButtonArgs } from './read-button.js';

export const THANKS = noticeCard('Thanks for the feedback', 'It helps keep the catalog honest.');
export const ALREADY_NOTED = noticeCard('Already noted', 'Your feedback on this answer was counted once already. Thanks!');

export const feedback = (deps: SurfaceDeps, helpful: boolean) => async (args: ButtonArgs): Promise<void> => {
  const b = await readButton(deps, args);
  if (!b) return;
  const first = deps.limits.firstVote(`slack:${b.asker.team}:${b.asker.user ?? ''}`, `${b.payload.v ?? ''}:${b.payload.prefer ?? ''}:${b.payload.q}`);
  if (first) {
    const answer = deps.recommender.ask(b.payload.q, b.payload.prefer ? { prefer: b.payload.prefer } : {});
    deps.store.recordFeedback({
      at: new Date(),
      surface: 'slack',
      workspace: b.asker.team,
      ...(b.asker.channel ? { channel: b.asker.channel } : {}),
      category: answer.recommendations[0]?.category ?? null,
      helpful,
      catalogVersion: b.payload.v ?? answer.catalog.version,
    });
  }
  // 👎 with a store: the person knew what they needed, so ask (the vote still counts once).
  if (!helpful && deps.corrections) return showCard(b.ctx, offerKinds(deps, b.payload));
  // In a message: a small private note, the answer stays. In App Home: nothing to update.
  if (b.ctx.body.view?.type !== 'home') await showNote(b.ctx, first ? THANKS : ALREADY_NOTED);
};
