// 👍 / 👎: stored with the category and catalog version, never the user or the text. One person's
// vote on one answer counts once, however often the button is pressed.
import { noticeCard } from '../../../render/answer-card.js';
import type { SurfaceDeps } from '../../../server/deps.js';
import { showNote } from '../../reply.js';
import { readButton, type ButtonArgs } from './read-button.js';

export const THANKS = noticeCard('Thanks for the feedback', 'It helps keep the catalog honest.');
export const ALREADY_NOTED = noticeCard('Already noted', 'Your feedback on this answer was counted once already. Thanks!');

export const feedback = (deps: SurfaceDeps, helpful: boolean) => async (args: ButtonArgs): Promise<void> => {
  const b = await readButton(deps, args);
  if (!b) return;
  if (!deps.limits.firstVote(`slack:${b.asker.team}:${b.asker.user ?? ''}`, `${b.payload.v ?? ''}:${b.payload.prefer ?? ''}:${b.payload.q}`)) {
    if (b.ctx.body.view?.type !== 'home') await showNote(b.ctx, ALREADY_NOTED);
    return;
  }
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
  // In a message: a small private note, the answer stays. In App Home: nothing to update.
  if (b.ctx.body.view?.type !== 'home') await showNote(b.ctx, THANKS);
};
