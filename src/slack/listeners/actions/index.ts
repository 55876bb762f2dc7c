// Registers one listener per neutral ActionId. Block Kit action_ids are the ActionId, with a
// `.n` suffix when one message carries the same action more than once.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ActionId } from '../../../render/card.js';
import type { SurfaceDeps } from '../../../server/deps.js';
import { alternatives } from './alternatives.js';
import { askAgain } from './ask-again.js';
import { back } from './back.js';
import { compare } from './compare.js';
import { feedback } from './feedback.js';
import type { ButtonArgs } from './read-button.js';
import { share } from './share.js';

export const actionPattern = (id: ActionId): RegExp => new RegExp(`^${id}(\\.\\d+)?$`);

export function registerActions(app: App, deps: SurfaceDeps): void {
  const handlers: Record<ActionId, (args: ButtonArgs) => Promise<void>> = {
    alternatives: alternatives(deps),
    compare: compare(deps),
    share: share(deps),
    feedback_up: feedback(deps, true),
    feedback_down: feedback(deps, false),
    clarify: askAgain(deps),
    example: askAgain(deps),
    back: back(deps),
  };
  for (const [id, handler] of Object.entries(handlers) as [ActionId, (args: ButtonArgs) => Promise<void>][]) {
    app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: actionPattern(id) }, handler);
  }
}
