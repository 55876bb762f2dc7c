// A press of "Request access", the same on Slack and Teams: counted once per person and subject
// (the owners want demand, not clicks), then answered with the policy's access page.
import { accessSubject } from '../core/policy/access.js';
import { noticeCard } from '../render/answer-card.js';
import type { Card } from '../render/card.js';
import { accessCard, policyInForceCard } from '../render/policy-card.js';
import type { Surface } from '../store/types.js';
import type { SurfaceDeps } from './deps.js';

export const ACCESS_UNREADABLE = noticeCard(
  'That request could not be read',
  'The button may be from an older answer. Ask again, and press “Request access” on the new answer.',
);

export interface AccessAsker {
  readonly surface: Surface;
  readonly workspace: string;
  /** Who pressed, as the rate limits know them: only to count a person's request once. */
  readonly person: string;
}

/** `asked`: the subject the button carried (already shape-checked); undefined when it carried none. */
export async function requestAccess(deps: SurfaceDeps, asked: string | undefined, who: AccessAsker): Promise<Card> {
  const policy = deps.policy.current();
  // An answer from before the policy was taken away (a restart without it): nothing to ask for.
  if (!policy) return policyInForceCard(null);
  const subject = asked === undefined ? null : accessSubject(policy, asked);
  if (!subject) return ACCESS_UNREADABLE;
  if (deps.limits.firstVote(`${who.surface}:${who.person}`, `access\u0000${subject.subject}`)) {
    await deps.store.recordAccessRequest({ at: new Date(), surface: who.surface, workspace: who.workspace, subject: subject.subject });
  }
  return accessCard(subject.label, policy.access);
}
