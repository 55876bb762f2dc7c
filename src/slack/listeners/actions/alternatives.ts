// "Other options": the rest of the ranked recommendations.
import { alternativesCard } from '../../../render/answer-card.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { showCard } from '../../reply.js';
import { readButton, type ButtonArgs } from './read-button.js';

export const alternatives = (deps: SurfaceDeps) => async (args: ButtonArgs): Promise<void> => {
  const b = await readButton(deps, args);
  if (!b) return;
  await showCard(b.ctx, alternativesCard(deps.recommender.ask(b.payload.q)));
};
