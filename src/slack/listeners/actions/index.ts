// One Bolt listener for every button, dispatching on the neutral ActionId: Bolt runs every
// registered listener's middleware chain on every request, so one chain beats eight.
// Block Kit action_ids are the ActionId, with a `.n` suffix when a message repeats an action.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { neutralActionId } from '../../../render/block-kit.js';
import { ACTION_IDS, type ActionId } from '../../../render/card.js';
import type { SurfaceDeps } from '../../../server/deps.js';
import { alternatives } from './alternatives.js';
import { askAgain } from './ask-again.js';
import { back } from './back.js';
import { compare } from './compare.js';
import { feedback } from './feedback.js';
import { staleButton, type ButtonArgs } from './read-button.js';
import { share } from './share.js';

export const ACTION_PATTERN = new RegExp(`^(${ACTION_IDS.join('|')})(\\.\\d+)?$`);

const isActionId = (id: string): id is ActionId => (ACTION_IDS as readonly string[]).includes(id);

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
  // Every block action is acked: one from a button this version no longer has (an old
  // message) gets a polite reply instead of Slack's error after 3 s.
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions' }, (args) => {
    const actionId = (args.action as { action_id?: unknown } | undefined)?.action_id;
    const id = typeof actionId === 'string' && ACTION_PATTERN.test(actionId) ? neutralActionId(actionId) : '';
    return isActionId(id) ? handlers[id](args) : staleButton(deps, args);
  });
}
