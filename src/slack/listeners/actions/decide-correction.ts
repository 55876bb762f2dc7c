// Accept / Reject on the owners' digest. A private reply: the digest stays in the channel for
// the other owners, and a refusal is for the presser's eyes only. WHICH_TOOL_OWNERS may name
// Slack user groups: whether the presser is in one is asked of Slack (owner-groups.ts).
import { decideCorrection } from '../../../surface/corrections.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { SlackOwnerGroups } from '../../owner-groups.js';
import { readDecision } from '../../payload.js';
import { showNote } from '../../reply.js';
import { slackPresser } from './choose-kind.js';
import { readButton, type ButtonArgs } from './read-button.js';

export const decide = (deps: SurfaceDeps, status: 'accepted' | 'rejected', groups: SlackOwnerGroups) => async (args: ButtonArgs): Promise<void> => {
  const b = await readButton(deps, args, readDecision);
  if (!b) return;
  const user = b.asker.user;
  const presser = { ...slackPresser(b), ...(user ? { groups: (owners: ReadonlySet<string>) => groups.containing(args.client, b.asker.workspace, user, owners) } : {}) };
  await showNote(b.ctx, await decideCorrection(deps, b.payload.id, status, presser));
};

export const ownerGroups = (deps: SurfaceDeps): SlackOwnerGroups =>
  new SlackOwnerGroups((group, reason) => deps.log.warn({ group, reason }, 'Slack: cannot list the members of an owners’ group named in WHICH_TOOL_OWNERS; nobody is let in through it'));
