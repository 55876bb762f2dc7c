// 👍 / 👎, the same on every surface: stored with the category and catalog version, never the
// user or the text. One person's vote on one answer counts once, however often it is pressed (an
// old copy of a card, a replayed press). 👎 where corrections are kept asks what was needed.
import type { AnswerT } from '../core/answer.js';
import type { ButtonPayloadT } from '../render/button-payload.js';
import type { Card } from '../render/card.js';
import type { Asker } from './asker.js';
import { offerKinds } from './corrections.js';
import type { SurfaceDeps } from './deps.js';

export interface Vote {
  /** The answer voted on, asked again as it was answered (the button carries the request). */
  readonly answer: AnswerT;
  /** False when this person's vote on this answer was counted already. */
  readonly first: boolean;
  /** 👎 with corrections kept: the kinds to choose from, shown instead of thanks. */
  readonly kinds?: Card;
}

/** `person` is who pressed, as the rate limits know them (workspace and user): it is never stored. */
export function vote(deps: SurfaceDeps, pressed: ButtonPayloadT, helpful: boolean, where: Asker, person: string): Vote {
  const answer = deps.recommender.ask(pressed.q, pressed.prefer ? { prefer: pressed.prefer } : {});
  const first = deps.limits.firstVote(`${where.surface}:${person}`, `${pressed.v ?? ''}:${pressed.prefer ?? ''}:${pressed.q}`);
  if (first) {
    deps.store.recordFeedback({
      at: new Date(),
      surface: where.surface,
      workspace: where.workspace,
      ...(where.channel ? { channel: where.channel } : {}),
      category: answer.recommendations[0]?.category ?? null,
      helpful,
      catalogVersion: pressed.v ?? answer.catalog.version,
    });
  }
  // The person knew what they needed, so ask (the vote still counts once).
  const kinds = !helpful && deps.corrections ? offerKinds(deps, pressed) : undefined;
  return { answer, first, ...(kinds ? { kinds } : {}) };
}
