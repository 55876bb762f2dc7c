// "Request access": Slack opened the policy's access page already (the button has its url); the
// press is counted for the policy's owners and answered privately beside the answer, which stays.
import type { SurfaceDeps } from '../../../surface/deps.js';
import { requestAccess as countAccess } from '../../../surface/access-request.js';
import { showNote } from '../../reply.js';
import { readButton, type ButtonArgs } from './read-button.js';

export const requestAccess = (deps: SurfaceDeps) => async (args: ButtonArgs): Promise<void> => {
  const b = await readButton(deps, args);
  if (!b) return;
  await showNote(b.ctx, await countAccess(deps, b.payload.access, { surface: 'slack', workspace: b.asker.workspace, person: b.person }));
};
