// "Something else…" on a nothing-fits answer: the kinds to choose from, in place of the answer.
import { offerKinds } from '../../../surface/corrections.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { showCard } from '../../reply.js';
import { readButton, type ButtonArgs } from './read-button.js';

export const somethingElse = (deps: SurfaceDeps) => async (args: ButtonArgs): Promise<void> => {
  const b = await readButton(deps, args);
  if (b) await showCard(b.ctx, offerKinds(deps, b.payload));
};
