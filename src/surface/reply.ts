// The reply to typed text, the same on every surface once the surface has read the text out of
// its own markup: the guide, example requests, the policy in force, a digest command's answer,
// or an answer to the request.
import type { DigestTarget } from '../digest/commands.js';
import type { Logger } from '../log/logger.js';
import { helpCard } from '../render/answer-card.js';
import type { Card } from '../render/card.js';
import { guideCard } from '../render/guide-card.js';
import { policyInForceCard } from '../render/policy-card.js';
import { answerRequest } from './answering.js';
import type { Asker } from './asker.js';
import type { SurfaceDeps } from './deps.js';
import { digestReply } from './digest-reply.js';
import type { Intent } from './intent.js';

const EXAMPLES_CARD = helpCard('Here are requests I answer well. Press one, or type your own.');

export interface TypedIn {
  readonly asker: Asker;
  /** Offer "Share in channel" on an answer (Slack's private answers, where others could see it). */
  readonly share?: boolean;
  readonly digestTarget: () => Promise<DigestTarget>;
  readonly log?: Logger;
}

export async function replyTo(deps: SurfaceDeps, intent: Intent, typed: TypedIn): Promise<Card> {
  switch (intent.kind) {
    case 'help':
      return guideCard({ ...deps.guide, platform: typed.asker.surface });
    case 'examples':
      return EXAMPLES_CARD;
    case 'policy':
      return policyInForceCard(deps.policy.current());
    case 'digest':
      return digestReply(deps, intent.args, typed.digestTarget, typed.log);
    case 'ask':
      return answerRequest(deps, intent.text, typed.asker, { share: typed.share ?? false }).card;
  }
}
