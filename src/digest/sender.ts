// What delivering one digest can come to. "dead" means the target will not take messages again
// until a person acts (channel archived, bot removed): the subscription is paused and reported.
import type { Card } from '../render/card.js';
import type { SubscriptionRecord } from '../store/digest-types.js';

export type SendOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'dead'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

export interface DigestSender {
  send(sub: SubscriptionRecord, card: Card): Promise<SendOutcome>;
}

/** One sender per platform; a platform without one gets a clear failure, not a crash. */
export class PlatformSenders implements DigestSender {
  constructor(private readonly byPlatform: Partial<Record<SubscriptionRecord['platform'], DigestSender>>) {}

  send(sub: SubscriptionRecord, card: Card): Promise<SendOutcome> {
    const sender = this.byPlatform[sub.platform];
    if (!sender) return Promise.resolve({ kind: 'failed', reason: `${sub.platform} is not configured on this server` });
    return sender.send(sub, card);
  }
}
