// A pressed card button, read from what the card carried (see ActionData in the renderer).
// Any button, however old or tampered with, ends in a card a person can act on.
import { z } from 'zod';
import type { AnswerT, RecommendationT } from '../core/answer.js';
import { MAX_REQUEST_CHARS } from '../core/errors.js';
import { checkRequest } from '../core/request.js';
import { CategoryId } from '../core/schema.js';
import { alternativesCard, answerCard, compareCard, helpCard } from '../render/answer-card.js';
import { ACTION_IDS, payloadFor, type Card, type CardElement } from '../render/card.js';
import type { SurfaceDeps } from '../server/deps.js';
import type { TeamsAnswers } from './answers.js';
import type { Where } from './conversation.js';

// Lengths as the cards write them: a request (checked again below), a catalog version.
const ActionData = z.object({
  verb: z.enum(ACTION_IDS),
  q: z.string().max(MAX_REQUEST_CHARS),
  prefer: CategoryId.optional(),
  v: z.string().max(64).optional(),
});
type ActionDataT = z.infer<typeof ActionData>;

const stale = (): Card => helpCard('That button could not be read: it may be from an older card. Ask again, or try one of these:');

const withBack = (card: Card, answer: AnswerT): Card => ({
  ...card,
  elements: [...card.elements, { type: 'actions', actions: [{ id: 'back', label: 'Back to the answer', payload: payloadFor(answer.query, { v: answer.catalog.version }) }] }],
});

export class TeamsActions {
  constructor(
    private readonly deps: SurfaceDeps,
    private readonly answers: TeamsAnswers,
  ) {}

  /** `data` is whatever the client sent back; `verb` may come separately (Action.Execute); `person` votes once per answer. */
  handle(data: unknown, where: Where, verb?: unknown, person = 'unknown'): Card {
    const merged = data && typeof data === 'object' ? { ...(data as object), ...(verb ? { verb } : {}) } : data;
    const parsed = ActionData.safeParse(merged);
    if (!parsed.success) return stale();
    const checked = checkRequest(parsed.data.q);
    if (!checked.ok) return stale();
    return this.run({ ...parsed.data, q: checked.text }, where, person);
  }

  private run(d: ActionDataT, where: Where, person: string): Card {
    const prefer = d.prefer ? { prefer: d.prefer } : {};
    const recommender = this.deps.recommender;
    switch (d.verb) {
      case 'example':
      case 'clarify':
        // A new request, as if typed: it is answered and logged.
        return this.answers.answerCardFor(this.answers.ask(d.q, where, prefer), Boolean(d.prefer));
      case 'back':
      case 'share':
        return this.answers.answerCardFor(recommender.ask(d.q, prefer), Boolean(d.prefer));
      case 'alternatives':
        return alternativesCard(recommender.ask(d.q, prefer));
      case 'compare':
        return this.compare(d.q);
      case 'feedback_up':
      case 'feedback_down':
        return this.feedback(d, where, person);
    }
  }

  private compare(q: string): Card {
    const recommender = this.deps.recommender;
    const answer = recommender.ask(q);
    if (!answer.recommendations.length) return answerCard(answer);
    const llm: RecommendationT | undefined = answer.recommendations.find((r) => r.category === 'llm') ?? this.languageModelFor(q);
    const specialist = answer.recommendations.find((r) => r.category !== 'llm');
    if (!llm || !specialist) {
      const only: CardElement[] = [
        { type: 'header', text: 'Nothing to compare' },
        { type: 'text', text: 'Only a language model fits this request, so there is no specialist tool to set beside it.' },
      ];
      return withBack({ summary: 'Nothing to compare', elements: only }, answer);
    }
    return compareCard(answer, llm, specialist);
  }

  /**
   * The language-model column when the answer has none. Asking with `prefer` ranks it first, so
   * its score is the preference, not a fit: it is shown as 0% (it was not among the fits). Its
   * estimate is dropped: it was priced per query, and the card states the answer's own volume.
   */
  private languageModelFor(q: string): RecommendationT | undefined {
    const asked = this.deps.recommender.ask(q, { prefer: 'llm' }).recommendations[0];
    if (!asked) return undefined;
    const { estimate: _perQuery, ...rest } = asked;
    return { ...rest, score: 0 };
  }

  private feedback(d: ActionDataT, where: Where, person: string): Card {
    const answer = this.deps.recommender.ask(d.q, d.prefer ? { prefer: d.prefer } : {});
    const helpful = d.verb === 'feedback_up';
    // The card loses its buttons after a vote, but an old copy or a replayed press must not count twice.
    const first = this.deps.limits.firstVote(`teams:${person}`, `${d.v ?? ''}:${d.prefer ?? ''}:${d.q}`);
    if (first) this.deps.store.recordFeedback({
      at: new Date(),
      surface: 'teams',
      workspace: where.tenantId,
      channel: where.conversationId,
      category: answer.recommendations[0]?.category ?? null,
      helpful,
      catalogVersion: d.v ?? answer.catalog.version,
    });
    // The same answer without the feedback buttons, so one press counts once.
    const card = answerCard({ ...answer, clarify: [] }, { feedback: false });
    const thanks: CardElement = { type: 'context', text: helpful ? 'Thanks, glad it helped. 👍 noted.' : 'Thanks for saying so. 👎 noted: it helps us tune the catalog.' };
    return { ...card, elements: [...card.elements, thanks] };
  }
}
