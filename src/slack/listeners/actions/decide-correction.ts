// Accept / Reject on the owners' digest. A private reply: the digest stays in the channel for
// the other owners, and a refusal is for the presser's eyes only.
import { decideCorrection } from '../../../surface/corrections.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { readDecision } from '../../payload.js';
import { showNote } from '../../reply.js';
import { slackPresser } from './choose-kind.js';
import { readButton, type ButtonArgs } from './read-button.js';

export const decide = (deps: SurfaceDeps, status: 'accepted' | 'rejected') => async (args: ButtonArgs): Promise<void> => {
  const b = await readButton(deps, args, readDecision);
  if (b) await showNote(b.ctx, await decideCorrection(deps, b.payload.id, status, slackPresser(b)));
};
