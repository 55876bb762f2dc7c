// A kind chosen on the "what did you need?" card: recorded as a correction, and thanks.
import { chooseKind, type Presser } from '../../../surface/corrections.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { readPickedIndustry } from '../../payload.js';
import { showCard } from '../../reply.js';
import { readButton, STALE_BUTTON, type Button, type ButtonArgs } from './read-button.js';

/** The presser as the corrections flow knows them: Slack user ids are what WHICH_TOOL_OWNERS names. */
export const slackPresser = (b: Button<unknown>): Presser => ({ surface: 'slack', workspace: b.asker.workspace, user: b.asker.user ?? 'unknown', ids: b.asker.user ? [b.asker.user] : [] });

export const kind = (deps: SurfaceDeps) => async (args: ButtonArgs): Promise<void> => {
  const b = await readButton(deps, args);
  if (!b) return;
  const chosen = b.payload.kind;
  const industry = readPickedIndustry(args.body.state);
  // A kind button without a kind, or an industry that is none, is tampered with or from another version.
  if (!chosen || industry === null) return showCard(b.ctx, STALE_BUTTON);
  await showCard(b.ctx, await chooseKind(deps, b.payload, chosen, slackPresser(b), industry));
};
