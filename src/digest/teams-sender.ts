// Posts a digest into a Teams conversation through its stored reference: the Bot Connector's
// "send to conversation" call at the reference's serviceUrl. Stays under Teams' limits (7
// messages/s per thread, 30/s per app per tenant) and backs off with jitter on throttling.
// A stored service URL is only as trustworthy as the activity it came with: with credentials,
// only a reference saved from an authenticated activity is used, and the bot's token goes only
// to a Bot Framework host; in local mode only to this machine, without a token.
import { ADAPTIVE_CARD_CONTENT_TYPE, cardToAdaptiveCard } from '../render/adaptive-card.js';
import type { Card } from '../render/card.js';
import type { SubscriptionRecord } from '../store/digest-types.js';
import type { ConversationRefRecord, ConversationRefs } from '../store/types.js';
import type { Destination, ServiceUrlPolicy } from '../teams/service-url.js';
import { backoffMs, Pacer, realClock, type Clock, type PaceLimit } from './pacer.js';
import type { DigestSender, SendOutcome } from './sender.js';

const RETRY = new Set([429, 412, 502, 504, 503, 500]);

export interface TeamsSenderOptions {
  readonly refs: ConversationRefs;
  /** Where digests may go, and where the token may go with them. */
  readonly policy: ServiceUrlPolicy;
  /** Returns the bot's bearer token; absent when there is none (local mode). */
  readonly token?: () => Promise<string | undefined>;
  readonly tenantPace?: PaceLimit;
  readonly threadPace?: PaceLimit;
  readonly maxAttempts?: number;
  readonly backoff?: { readonly baseMs: number; readonly maxMs: number };
  readonly clock?: Clock;
  readonly fetch?: typeof fetch;
}

const serviceUrlOf = (reference: unknown): string | undefined => {
  const url = (reference as { serviceUrl?: unknown } | null)?.serviceUrl;
  return typeof url === 'string' ? url.replace(/\/+$/, '') : undefined;
};

export class TeamsSender implements DigestSender {
  private readonly tenants: Pacer;
  private readonly threads: Pacer;
  private readonly clock: Clock;

  constructor(private readonly options: TeamsSenderOptions) {
    this.clock = options.clock ?? realClock;
    // Bursts of one: "under 30 a second" must hold in every window, not on average.
    this.tenants = new Pacer(options.tenantPace ?? { perSecond: 28, burst: 1 }, this.clock);
    this.threads = new Pacer(options.threadPace ?? { perSecond: 6, burst: 1 }, this.clock);
  }

  // The Bot Connector cannot read a conversation back, so a taken-over delivery is sent again:
  // at least once, in the rare case a runner died between Teams accepting it and recording it.
  async send(sub: SubscriptionRecord, card: Card): Promise<SendOutcome> {
    // A reference saved from a thread (";messageid=…") also reaches its channel.
    const ref = (await this.options.refs.get(sub.channel)) ?? (await this.options.refs.list()).find((r) => r.conversationId.split(';')[0] === sub.channel);
    const serviceUrl = serviceUrlOf(ref?.reference);
    if (!ref || !serviceUrl) return { kind: 'failed', reason: 'no conversation reference yet: add the app to that conversation so Teams introduces it (a message to the bot there does not keep one)' };
    const destination = this.destination(ref, serviceUrl);
    if (!destination.ok) return { kind: 'failed', reason: `not sent: ${destination.reason}` };
    const url = `${serviceUrl}/v3/conversations/${encodeURIComponent(sub.channel)}/activities`;
    const activity = {
      type: 'message',
      summary: card.summary,
      attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: cardToAdaptiveCard(card, { actions: 'none' }) }],
    };
    const body = JSON.stringify(activity);
    const max = this.options.maxAttempts ?? 6;
    const { baseMs, maxMs } = this.options.backoff ?? { baseMs: 1000, maxMs: 30_000 };
    let last = 'no attempt';
    for (let attempt = 1; attempt <= max; attempt++) {
      await this.threads.take(sub.channel);
      await this.tenants.take(ref.tenantId || sub.workspace);
      const token = destination.token ? await this.options.token?.() : undefined;
      let status: number;
      let text: string;
      let retryAfter: number;
      try {
        const res = await (this.options.fetch ?? fetch)(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body,
          signal: AbortSignal.timeout(15_000),
        });
        status = res.status;
        text = await res.text().catch(() => '');
        retryAfter = 1000 * (Number(res.headers.get('retry-after')) || 0);
      } catch (err) {
        last = `network: ${(err as Error).message}`;
        await this.clock.sleep(backoffMs(attempt, baseMs, maxMs));
        continue;
      }
      if (status >= 200 && status < 300) return { kind: 'sent' };
      if (status === 403 || status === 404) return { kind: 'dead', reason: /MessageWritesBlocked/i.test(text) ? 'MessageWritesBlocked' : `HTTP ${status}` };
      if (!RETRY.has(status)) return { kind: 'failed', reason: `HTTP ${status}` };
      last = `HTTP ${status}`;
      await this.clock.sleep(Math.max(retryAfter, backoffMs(attempt, baseMs, maxMs)));
    }
    return { kind: 'failed', reason: `${last} after ${max} attempts` };
  }

  private destination(ref: ConversationRefRecord, serviceUrl: string): Destination {
    if (this.options.policy.mode === 'authenticated' && !ref.authenticated)
      return { ok: false, reason: 'the conversation reference was saved without authentication; add the bot to that conversation again' };
    return this.options.policy.check(serviceUrl);
  }
}
