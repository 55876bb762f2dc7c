// Posts a digest with chat.postMessage over plain HTTP (no Bolt app needed by `digest run`).
// 429: wait Retry-After, then retry. Dead channels are reported, not retried.
import { cardToBlockKit } from '../render/block-kit.js';
import type { Card } from '../render/card.js';
import type { SubscriptionRecord } from '../store/digest-types.js';
import { backoffMs, Pacer, realClock, type Clock, type PaceLimit } from './pacer.js';
import type { Delivery, DigestSender, SendOutcome } from './sender.js';

/** Message metadata naming the delivery, so a restarted runner can see it already went out. */
export const DIGEST_EVENT = 'which_tool_digest';

const DEAD = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'invalid_auth', 'token_revoked']);
/** Why a digest pauses when no installation serves its workspace (OAuth mode). */
export const NOT_INSTALLED = 'app_not_installed';
/** Pauses that installing the app again cures; the others need a person in the channel. */
export const INSTALL_CURES = new Set([NOT_INSTALLED, 'invalid_auth', 'token_revoked', 'account_inactive']);

/** The bot token for a subscription's workspace; undefined when no installation serves it. */
export type SlackTokenSource = (sub: SubscriptionRecord) => Promise<string | undefined>;
/** Worth another try in this run: Slack's own trouble, not ours. */
const TRANSIENT = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

export interface SlackSenderOptions {
  readonly apiUrl: string;
  /** One workspace: its fixed token. */
  readonly botToken?: string;
  /** Many workspaces (OAuth mode): each subscription's own installation's token. */
  readonly tokens?: SlackTokenSource;
  /** Per workspace. Slack publishes no number; 50/s with bursts of 50 is the start, lowered after any 429. */
  readonly workspacePace?: PaceLimit;
  /** chat.postMessage allows about one message a second per channel. */
  readonly channelPace?: PaceLimit;
  readonly maxAttempts?: number;
  readonly clock?: Clock;
  readonly fetch?: typeof fetch;
}

export class SlackSender implements DigestSender {
  private readonly workspaces: Pacer;
  private readonly channels: Pacer;
  private readonly clock: Clock;
  private readonly api: string;

  constructor(private readonly options: SlackSenderOptions) {
    this.clock = options.clock ?? realClock;
    this.workspaces = new Pacer(options.workspacePace ?? { perSecond: 50, burst: 50 }, this.clock);
    this.channels = new Pacer(options.channelPace ?? { perSecond: 1, burst: 1 }, this.clock);
    this.api = options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`;
  }

  /**
   * Whether a message tagged with this delivery is among the channel's recent ones. Needs the
   * channels:history (groups:history) scope; without it the answer is "no" and the digest is
   * sent again: at least once rather than lost.
   */
  private async alreadyPosted(channel: string, key: string, token: string): Promise<boolean> {
    const res = await (this.options.fetch ?? fetch)(`${this.api}conversations.history`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${token}` },
      body: new URLSearchParams({ channel, limit: '50', include_all_metadata: 'true' }).toString(),
      signal: AbortSignal.timeout(15_000),
    }).catch(() => undefined);
    const json = (await res?.json().catch(() => null)) as { ok?: boolean; messages?: { metadata?: { event_type?: string; event_payload?: { delivery?: string } } }[] } | null;
    return Boolean(json?.ok && json.messages?.some((m) => m.metadata?.event_type === DIGEST_EVENT && m.metadata.event_payload?.delivery === key));
  }

  async send(sub: SubscriptionRecord, card: Card, delivery?: Delivery): Promise<SendOutcome> {
    // Never another workspace's token: without its own installation, nothing is sent.
    const token = this.options.tokens ? await this.options.tokens(sub) : this.options.botToken;
    if (!token) return { kind: 'dead', reason: NOT_INSTALLED };
    if (delivery?.recovering && (await this.alreadyPosted(sub.channel, delivery.key, token))) return { kind: 'sent' };
    const { text, blocks } = cardToBlockKit(card);
    const metadata = delivery ? { metadata: { event_type: DIGEST_EVENT, event_payload: { delivery: delivery.key } } } : {};
    const body = JSON.stringify({ channel: sub.channel, text, blocks, unfurl_links: false, unfurl_media: false, ...metadata });
    const max = this.options.maxAttempts ?? 6;
    let last = 'no attempt';
    for (let attempt = 1; attempt <= max; attempt++) {
      await this.channels.take(sub.channel);
      await this.workspaces.take(sub.workspace);
      let res: Response;
      try {
        res = await (this.options.fetch ?? fetch)(`${this.api}chat.postMessage`, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${token}` },
          body,
          signal: AbortSignal.timeout(15_000),
        });
      } catch (err) {
        last = `network: ${(err as Error).message}`;
        await this.clock.sleep(backoffMs(attempt, 500, 10_000));
        continue;
      }
      const json = (await res.json().catch(() => null)) as { ok?: boolean; error?: string } | null;
      if (res.status === 429 || json?.error === 'ratelimited') {
        const wait = 1000 * Math.max(1, Number(res.headers.get('retry-after')) || 1);
        // Slack's workspace limit is unpublished: a 429 means ours is too fast there, so slow down.
        this.workspaces.pause(sub.workspace, wait, 0.85);
        this.channels.pause(sub.channel, wait);
        last = 'rate limited';
        continue;
      }
      if (json?.ok) return { kind: 'sent' };
      const error = json?.error ?? `HTTP ${res.status}`;
      if (DEAD.has(error)) return { kind: 'dead', reason: error };
      if (!TRANSIENT.has(error) && res.status < 500) return { kind: 'failed', reason: error };
      last = error;
      await this.clock.sleep(backoffMs(attempt, 500, 10_000));
    }
    return { kind: 'failed', reason: `${last} after ${max} attempts` };
  }
}
