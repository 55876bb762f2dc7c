// Answers text typed in a conversation (a mention or a direct message) with a new message, read
// and answered by the shared pipeline (surface/reply.ts). If posting fails, the person gets a
// short apology rather than silence; over the rate limit, one private note per streak of refused
// requests (a flood of mentions must not become a flood of replies).
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../../log/logger.js';
import { cardToBlockKit } from '../../../render/block-kit.js';
import type { Card } from '../../../render/card.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { readIntent } from '../../../surface/intent.js';
import { replyTo } from '../../../surface/reply.js';
import { checkLimit, tooManyRequests } from '../../../surface/request-limits.js';
import { slackDigestTarget, type TypedWhere } from '../../digest-target.js';

export interface TypedMessage extends TypedWhere {
  /** Plain words (message-text.ts), the bot's own mention removed. */
  readonly text: string;
  /** Reply in this thread; absent for a plain direct-message reply. */
  readonly threadTs?: string;
}

function cardForMessage(deps: SurfaceDeps, client: webApi.WebClient, m: TypedMessage, log: Logger): Promise<Card> {
  return replyTo(deps, readIntent(m.text), {
    asker: { surface: 'slack', workspace: m.team, channel: m.channel, ...(m.user ? { user: m.user } : {}) },
    // The answer is already public here, so no "Share in channel".
    share: false,
    digestTarget: () => slackDigestTarget(client, m),
    log,
  });
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
    const card = await cardForMessage(deps, client, m, log);
    await client.chat.postMessage({ channel: m.channel, ...thread, ...cardToBlockKit(card), unfurl_links: false });
  } catch (err) {
    log.warn({ err: { message: (err as Error).message } }, 'Slack: answer not posted; sending an apology');
    await client.chat.postMessage({ channel: m.channel, ...thread, text: APOLOGY }).catch((again: unknown) => {
      log.error({ err: { message: (again as Error).message } }, 'Slack: the apology could not be posted either');
    });
  }
}
