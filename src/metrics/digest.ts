// Digest delivery counts: wraps whatever sender the digest runner uses, so each outcome is
// counted once at the one place every delivery passes through.
import type { Card } from '../render/card.js';
import type { Delivery, DigestSender, SendOutcome } from '../digest/sender.js';
import type { SubscriptionRecord } from '../store/digest-types.js';
import { digestDeliveries, digestFailures } from './registry.js';

export function recordDigestOutcome(platform: string, outcome: SendOutcome['kind']): void {
  if (outcome === 'sent') digestDeliveries.inc({ platform });
  else digestFailures.inc({ platform, kind: outcome });
}

export function countingSender(inner: DigestSender): DigestSender {
  return {
    async send(sub: SubscriptionRecord, card: Card, delivery?: Delivery): Promise<SendOutcome> {
      try {
        const outcome = await inner.send(sub, card, delivery);
        recordDigestOutcome(sub.platform, outcome.kind);
        return outcome;
      } catch (err) {
        recordDigestOutcome(sub.platform, 'failed');
        throw err;
      }
    },
  };
}
