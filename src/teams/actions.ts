// A pressed card button, read from what the card carried (the payload schema both surfaces share).
// Any button, however old or tampered with, ends in a card a person can act on.
import { z } from 'zod';
import { answerCard, helpCard } from '../render/answer-card.js';
import { readButtonPayload, type ButtonPayloadT } from '../render/button-payload.js';
import { ACTION_IDS, type Card, type CardElement } from '../render/card.js';
import { requestAccess } from '../surface/access-request.js';
import { alternativesFor, compareFor } from '../surface/answer-buttons.js';
import { answerRequest } from '../surface/answering.js';
import type { Presser } from '../surface/corrections.js';
import type { SurfaceDeps } from '../surface/deps.js';
import { vote } from '../surface/feedback.js';
import { askerOf, type Where } from './conversation.js';
import { correctionAction, CORRECTION_VERBS, type CorrectionVerb } from './correction-actions.js';

// The verb Teams sends beside the shared button payload (render/button-payload.ts).
const ActionVerb = z.enum(ACTION_IDS).exclude(CORRECTION_VERBS);
type ActionDataT = ButtonPayloadT & { readonly verb: z.infer<typeof ActionVerb> };

const isCorrectionVerb = (verb: unknown): verb is CorrectionVerb => (CORRECTION_VERBS as readonly unknown[]).includes(verb);

const stale = (): Card => helpCard('That button could not be read: it may be from an older card. Ask again, or try one of these:');

export class TeamsActions {
  constructor(private readonly deps: SurfaceDeps) {}

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
    switch (d.verb) {
      case 'example':
      case 'clarify':
        // A new request, as if typed: it is answered and logged.
        return answerRequest(this.deps, d.q, askerOf(where), prefer).card;
      case 'back':
      case 'share':
        return answerCard(this.deps.recommender.ask(d.q, prefer), { feedback: true });
      case 'alternatives':
        return alternativesFor(this.deps, d);
      case 'compare':
        return compareFor(this.deps, d);
      case 'feedback_up':
      case 'feedback_down':
        return this.feedback(d, where, person);
      case 'request_access':
        return requestAccess(this.deps, d.access, { surface: 'teams', workspace: where.tenantId, person });
    }
  }

  /** 👍 / 👎 counted by the shared vote; the card loses its buttons, and an old copy pressed again counts nothing. */
  private feedback(d: ActionDataT, where: Where, person: string): Card {
    const helpful = d.verb === 'feedback_up';
    const counted = vote(this.deps, d, helpful, askerOf(where), person);
    if (counted.kinds) return counted.kinds;
    const card = answerCard({ ...counted.answer, clarify: [] }, { feedback: false });
    const thanks: CardElement = { type: 'context', text: helpful ? 'Thanks, glad it helped. 👍 noted.' : 'Thanks for saying so. 👎 noted: it helps us tune the catalog.' };
    return { ...card, elements: [...card.elements, thanks] };
  }
}
