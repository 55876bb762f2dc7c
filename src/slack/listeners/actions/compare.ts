// "Compare": the language model and the best specialist side by side (see compare-pair.ts).
import { compareCard, nothingFitsCard } from '../../../render/answer-card.js';
import type { SurfaceDeps } from '../../../server/deps.js';
import { comparePair } from '../../compare-pair.js';
import { showCard } from '../../reply.js';
import { readButton, type ButtonArgs } from './read-button.js';

export const compare = (deps: SurfaceDeps) => async (args: ButtonArgs): Promise<void> => {
  const b = await readButton(deps, args);
  if (!b) return;
  const answer = deps.recommender.ask(b.payload.q);
  const pair = comparePair(deps.recommender, answer);
  await showCard(b.ctx, pair ? compareCard(answer, pair.llm, pair.specialist) : nothingFitsCard(answer.query));
};
