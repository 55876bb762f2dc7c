// "Other options": the rest of the ranked recommendations.
import { alternativesFor } from '../../../surface/answer-buttons.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { showCard } from '../../reply.js';
import { readButton, type ButtonArgs } from './read-button.js';

export const alternatives = (deps: SurfaceDeps) => async (args: ButtonArgs): Promise<void> => {
  const b = await readButton(deps, args);
  if (b) await showCard(b.ctx, alternativesFor(deps, b.payload));
};
