// What delivering one digest can come to. "dead" means the target will not take messages again
// until a person acts (channel archived, bot removed): the subscription is paused and reported.
import type { Card } from '../render/card.js';
import type { SubscriptionRecord } from '../store/digest-types.js';

export type SendOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'dead'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

export interface Delivery {
  /** Names this subscription and period; a sender may tag the message with it. */
  readonly key: string;
  /** A runner that died held this delivery: check whether it went out before sending again. */
  readonly recovering: boolean;
}

export interface DigestSender {
  /** Wrappers must pass `delivery` on: without it a taken-over delivery is not checked first. */
  send(sub: SubscriptionRecord, card: Card, delivery?: Delivery): Promise<SendOutcome>;
}

const SETUP = { slack: 'set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET', teams: 'set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD' } as const;

/** One sender per platform; a platform without one gets a clear failure, not a crash. */
export class PlatformSenders implements DigestSender {
  constructor(private readonly byPlatform: Partial<Record<SubscriptionRecord['platform'], DigestSender>>) {}

  send(sub: SubscriptionRecord, card: Card, delivery?: Delivery): Promise<SendOutcome> {
    const sender = this.byPlatform[sub.platform];
    if (!sender) return Promise.resolve({ kind: 'failed', reason: `${sub.platform} is not configured here (${SETUP[sub.platform]})` });
    return sender.send(sub, card, delivery);
  }
}
