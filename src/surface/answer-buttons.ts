// What "Other options" and "Compare" show, the same on every surface: the button carries the
// request (and the kind picked, if any), and the recommender is asked again.
import { comparePair } from '../core/compare.js';
import { alternativesCard, compareResultCard } from '../render/answer-card.js';
import type { ButtonPayloadT } from '../render/button-payload.js';
import type { Card } from '../render/card.js';
import type { SurfaceDeps } from './deps.js';

/** The rest of the ranking after the answer shown, which put a picked kind first. */
export const alternativesFor = (deps: SurfaceDeps, pressed: ButtonPayloadT): Card =>
  alternativesCard(deps.recommender.ask(pressed.q, pressed.prefer ? { prefer: pressed.prefer } : {}));

/** The language model and the best specialist side by side (core/compare.ts). */
export function compareFor(deps: SurfaceDeps, pressed: ButtonPayloadT): Card {
  const answer = deps.recommender.ask(pressed.q);
  return compareResultCard(answer, comparePair(deps.recommender, answer));
}
