// "Clarifying choice" and "example" buttons: a new question, answered and recorded like a typed one.
import { answerRequest } from '../../../surface/answering.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { canShare, showCard } from '../../reply.js';
import { readButton, type ButtonArgs } from './read-button.js';

export const askAgain = (deps: SurfaceDeps) => async (args: ButtonArgs): Promise<void> => {
  const b = await readButton(deps, args);
  if (!b) return;
  const { card } = answerRequest(deps, b.payload.q, b.asker, {
    share: canShare(b.ctx.body),
    ...(b.payload.prefer ? { prefer: b.payload.prefer } : {}),
  });
  await showCard(b.ctx, card);
};
