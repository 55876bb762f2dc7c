// A pressed card button, read from what the card carried (the payload schema both surfaces share).
// Any button, however old or tampered with, ends in a card a person can act on.
import { z } from 'zod';
import { comparePair } from '../core/compare.js';
import { alternativesCard, answerCard, compareResultCard, helpCard } from '../render/answer-card.js';
import { readButtonPayload, type ButtonPayloadT } from '../render/button-payload.js';
import { ACTION_IDS, type Card, type CardElement } from '../render/card.js';
import { requestAccess } from '../surface/access-request.js';
import type { SurfaceDeps } from '../surface/deps.js';
import { offerKinds, type Presser } from '../surface/corrections.js';
import type { TeamsAnswers } from './answers.js';
import type { Where } from './conversation.js';
import { correctionAction, CORRECTION_VERBS, type CorrectionVerb } from './correction-actions.js';

// The verb Teams sends beside the shared button payload (render/button-payload.ts).
const ActionVerb = z.enum(ACTION_IDS).exclude(CORRECTION_VERBS);
type ActionDataT = ButtonPayloadT & { readonly verb: z.infer<typeof ActionVerb> };

const isCorrectionVerb = (verb: unknown): verb is CorrectionVerb => (CORRECTION_VERBS as readonly unknown[]).includes(verb);

const stale = (): Card => helpCard('That button could not be read: it may be from an older card. Ask again, or try one of these:');

export class TeamsActions {
  constructor(
    private readonly deps: SurfaceDeps,
    private readonly answers: TeamsAnswers,
  ) {}

  /**
   * `data` is whatever the client sent back; `verb` may come separately (Action.Execute);
   * `person` votes once per answer; `presser` is who the corrections flow records or checks.
   */
  async handle(data: unknown, where: Where, verb: unknown, person: string, presser: Presser): Promise<Card> {
    const merged = data && typeof data === 'object' ? { ...(data as object), ...(verb ? { verb } : {}) } : data;
    const said = (merged as { verb?: unknown } | null)?.verb;
    if (isCorrectionVerb(said)) return (await correctionAction(this.deps, said, merged, presser)) ?? stale();
    const action = ActionVerb.safeParse(said);
    const payload = action.success ? readButtonPayload(merged) : undefined;
    if (!action.success || !payload) return stale();
    return this.run({ ...payload, verb: action.data }, where, person);
  }

  private async run(d: ActionDataT, where: Where, person: string): Promise<Card> {
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
      case 'request_access':
        return requestAccess(this.deps, d.access, { surface: 'teams', workspace: where.tenantId, person });
    }
  }

  private compare(q: string): Card {
    const answer = this.deps.recommender.ask(q);
    return compareResultCard(answer, comparePair(this.deps.recommender, answer));
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
    // 👎 with a store: the person knew what they needed, so ask (the vote still counts once).
    if (!helpful && this.deps.corrections) return offerKinds(this.deps, d);
    // The same answer without the feedback buttons, so one press counts once.
    const card = answerCard({ ...answer, clarify: [] }, { feedback: false });
    const thanks: CardElement = { type: 'context', text: helpful ? 'Thanks, glad it helped. 👍 noted.' : 'Thanks for saying so. 👎 noted: it helps us tune the catalog.' };
    return { ...card, elements: [...card.elements, thanks] };
  }
}
