// A typed Teams message to a card: the shared reading and answers (surface/reply.ts), with what
// only Teams has: a message without text (a card or a file alone), and who is typing a digest
// command, as the connector knows them.
import type { DigestActor } from '../digest/commands.js';
import { helpCard } from '../render/answer-card.js';
import type { Card } from '../render/card.js';
import type { SurfaceDeps } from '../surface/deps.js';
import { readIntent } from '../surface/intent.js';
import { replyTo } from '../surface/reply.js';
import { askerOf, type Where } from './conversation.js';

const TEXT_ONLY_CARD = helpCard('I can only read text. Tell me what you want to make or do.');

/** `text` is the message with the bot's own mention removed (mention.ts); `actor` is asked only for digest commands. */
export async function replyToMessage(deps: SurfaceDeps, text: string | undefined, where: Where, actor: () => Promise<DigestActor>): Promise<Card> {
  if (text === undefined) return TEXT_ONLY_CARD;
  return replyTo(deps, readIntent(text), {
    asker: askerOf(where),
    digestTarget: async () => ({ platform: 'teams', workspace: where.tenantId, channel: where.conversationId, actor: await actor() }),
  });
}
