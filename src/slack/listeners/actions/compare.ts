// "Compare": the language model and the best specialist side by side (see core/compare.ts).
import { comparePair } from '../../../core/compare.js';
import { compareResultCard } from '../../../render/answer-card.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { showCard } from '../../reply.js';
import { readButton, type ButtonArgs } from './read-button.js';

export const compare = (deps: SurfaceDeps) => async (args: ButtonArgs): Promise<void> => {
  const b = await readButton(deps, args);
  if (!b) return;
  const answer = deps.recommender.ask(b.payload.q);
  await showCard(b.ctx, compareResultCard(answer, comparePair(deps.recommender, answer)));
};
