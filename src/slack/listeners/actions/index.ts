// One Bolt listener for every button, dispatching on the neutral ActionId: Bolt runs every
// registered listener's middleware chain on every request, so one chain beats thirteen.
// Block Kit action_ids are the ActionId, with a `.n` suffix when a message repeats an action.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { neutralActionId } from '../../../render/block-kit.js';
import { ACTION_IDS, CHOICE_IDS, type ActionId } from '../../../render/card.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { alternatives } from './alternatives.js';
import { askAgain } from './ask-again.js';
import { back } from './back.js';
import { kind } from './choose-kind.js';
import { compare } from './compare.js';
import { decide, ownerGroups } from './decide-correction.js';
import { feedback } from './feedback.js';
import { staleButton, type ButtonArgs } from './read-button.js';
import { requestAccess } from './request-access.js';
import { share } from './share.js';
import { somethingElse } from './something-else.js';

export const ACTION_PATTERN = new RegExp(`^(${ACTION_IDS.join('|')})(\\.\\d+)?$`);

const isActionId = (id: string): id is ActionId => (ACTION_IDS as readonly string[]).includes(id);

export function registerActions(app: App, deps: SurfaceDeps): void {
  // One membership cache for Accept and Reject.
  const groups = ownerGroups(deps);
  const handlers: Record<ActionId, (args: ButtonArgs) => Promise<void>> = {
    alternatives: alternatives(deps),
    compare: compare(deps),
    share: share(deps),
    feedback_up: feedback(deps, true),
    feedback_down: feedback(deps, false),
    clarify: askAgain(deps),
    example: askAgain(deps),
    back: back(deps),
    request_access: requestAccess(deps),
    something_else: somethingElse(deps),
    kind: kind(deps),
    correction_accept: decide(deps, 'accepted', groups),
    correction_reject: decide(deps, 'rejected', groups),
  };
  // Every block action is acked: one from a button this version no longer has (an old
  // message) gets a polite reply instead of Slack's error after 3 s.
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions' }, (args) => {
    const actionId = (args.action as { action_id?: unknown } | undefined)?.action_id;
    // A pick (the industry) is read when a button is pressed; on its own it only needs the ack.
    if ((CHOICE_IDS as readonly unknown[]).includes(actionId)) return args.ack();
    const id = typeof actionId === 'string' && ACTION_PATTERN.test(actionId) ? neutralActionId(actionId) : '';
    return isActionId(id) ? handlers[id](args) : staleButton(deps, args);
  });
}
