// "Compare": the language model and the best specialist side by side (see core/compare.ts).
import { compareFor } from '../../../surface/answer-buttons.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { showCard } from '../../reply.js';
import { readButton, type ButtonArgs } from './read-button.js';

export const compare = (deps: SurfaceDeps) => async (args: ButtonArgs): Promise<void> => {
  const b = await readButton(deps, args);
  if (b) await showCard(b.ctx, compareFor(deps, b.payload));
};
