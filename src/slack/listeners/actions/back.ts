// "Back to the answer": the same answer again. Not a new request, so nothing is recorded.
import { answerCard } from '../../../render/answer-card.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { canShare, showCard } from '../../reply.js';
import { readButton, type ButtonArgs } from './read-button.js';

export const back = (deps: SurfaceDeps) => async (args: ButtonArgs): Promise<void> => {
  const b = await readButton(deps, args);
  if (!b) return;
  const answer = deps.recommender.ask(b.payload.q, b.payload.prefer ? { prefer: b.payload.prefer } : {});
  await showCard(b.ctx, answerCard(answer, { share: canShare(b.ctx.body) }));
};
