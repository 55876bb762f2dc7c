// What the bot says to a typed request, free of any Bot Framework type: help, examples, the AI
// policy, digest commands, polite refusals, and answers (each answered request is logged without user ids).
import type { AnswerT } from '../core/answer.js';
import { checkRequest } from '../core/request.js';
import type { AskOptions } from '../core/recommend.js';
import { answerCard, helpCard, noticeCard } from '../render/answer-card.js';
import { guideCard } from '../render/guide-card.js';
import type { Card } from '../render/card.js';
import { policyInForceCard } from '../render/policy-card.js';
import type { DigestActor } from '../digest/commands.js';
import type { SurfaceDeps } from '../surface/deps.js';
import type { Where } from './conversation.js';
import { requestLogEntry } from '../store/request-entry.js';

const HELP = /^(help|\?|hi|hello|start)$/i;
const EXAMPLES = /^examples?$/i;
// Only the word itself: "policy summaries for HR" is a request like any other.
const POLICY = /^policy[.!?]?$/i;
const DIGEST = /^digest(?:\s+([\s\S]*))?$/i;

export class TeamsAnswers {
  constructor(private readonly deps: SurfaceDeps) {}

  /** Answers a request and logs it. */
  ask(query: string, where: Where, options: AskOptions = {}): AnswerT {
    const answer = this.deps.recommender.ask(query, options);
    this.deps.store.logRequest(
      requestLogEntry(answer, { surface: 'teams', workspace: where.tenantId, channel: where.conversationId }, this.deps.logRequestText),
    );
    return answer;
  }

  /** The card for an answer; a person who already picked a category is not asked again. */
  answerCardFor(answer: AnswerT, picked: boolean): Card {
    return answerCard(picked ? { ...answer, clarify: [] } : answer, { feedback: true });
  }

  /** The reply to a message: `raw` is the text with the bot's own mention removed; `who` is asked only for digest commands. */
  async reply(raw: string | undefined, where: Where, who: () => Promise<DigestActor | undefined> = async () => undefined): Promise<Card> {
    if (raw === undefined) return helpCard('I can only read text. Tell me what you want to make or do.');
    const checked = checkRequest(raw);
    if (!checked.ok) return raw.trim() === '' ? helpCard() : noticeCard('I could not read that request', checked.message);
    const text = checked.text;
    if (HELP.test(text)) return guideCard({ ...this.deps.guide, platform: 'teams' });
    if (EXAMPLES.test(text)) return helpCard('Here are requests I answer well. Press one, or type your own.');
    if (POLICY.test(text)) return policyInForceCard(this.deps.policy.current());
    const digest = DIGEST.exec(text);
    if (digest) return this.digest(digest[1]?.trim() ?? '', where, await who());
    return this.answerCardFor(this.ask(text, where), false);
  }

  private async digest(args: string, where: Where, actor: DigestActor | undefined): Promise<Card> {
    if (!this.deps.digest) return noticeCard('Digests are not set up', 'This server does not run digests yet. Ask your admin to turn them on.');
    return this.deps.digest.handle(args, { platform: 'teams', workspace: where.tenantId, channel: where.conversationId, ...(actor ? { actor } : {}) });
  }
}
