// Answers text typed in a conversation (a mention or a direct message) with a new message. If
// that fails, the person gets a short apology rather than silence; over the rate limit, one
// private note per streak of refused requests (a flood of mentions must not become a flood of replies).
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../../log/logger.js';
import { guideCard } from '../../../render/guide-card.js';
import { cardToBlockKit } from '../../../render/block-kit.js';
import type { Card } from '../../../render/card.js';
import { policyInForceCard } from '../../../render/policy-card.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { checkLimit, tooManyRequests } from '../../../surface/request-limits.js';
import { answerText } from '../../answering.js';
import { digestReply } from '../../digest-reply.js';
import { readIntent } from '../../intent.js';

export interface TypedMessage {
  readonly text: string;
  readonly team: string;
  readonly channel: string;
  readonly user?: string;
  /** The Grid organisation, if any: a digest set here may be served by its org-wide installation. */
  readonly enterprise?: string | undefined;
  /** Reply in this thread; absent for a plain direct-message reply. */
  readonly threadTs?: string;
}

export async function cardForMessage(deps: SurfaceDeps, client: webApi.WebClient, m: TypedMessage): Promise<Card> {
  const intent = readIntent(m.text);
  const where = { team: m.team, channel: m.channel, enterprise: m.enterprise, ...(m.user ? { user: m.user } : {}) };
  if (intent.kind === 'help') return guideCard({ ...deps.guide, platform: 'slack' });
  if (intent.kind === 'policy') return policyInForceCard(deps.policy.current());
  if (intent.kind === 'digest') return digestReply(deps, client, intent.args, where);
  // The answer is already public here, so no "Share in channel".
  return answerText(deps, intent.text, where, { share: false }).card;
}

export const APOLOGY = 'Sorry, I could not answer that just now. Please try again in a moment.';

export async function answerMessage(deps: SurfaceDeps, client: webApi.WebClient, m: TypedMessage, log: Logger = deps.log): Promise<void> {
  const thread = m.threadTs ? { thread_ts: m.threadTs } : {};
  if (m.user) {
    const limit = checkLimit(deps.limits, 'slack', `${m.team}:${m.user}`);
    if (limit.retryInS) {
      if (limit.firstRefusal) await client.chat.postEphemeral({ channel: m.channel, user: m.user, text: tooManyRequests(limit.retryInS), ...thread }).catch(() => undefined);
      return;
    }
  }
  try {
    const card = await cardForMessage(deps, client, m);
    await client.chat.postMessage({ channel: m.channel, ...thread, ...cardToBlockKit(card), unfurl_links: false });
  } catch (err) {
    log.warn({ err: { message: (err as Error).message } }, 'Slack: answer not posted; sending an apology');
    await client.chat.postMessage({ channel: m.channel, ...thread, text: APOLOGY }).catch((again: unknown) => {
      log.error({ err: { message: (again as Error).message } }, 'Slack: the apology could not be posted either');
    });
  }
}
