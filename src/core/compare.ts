// The two sides of "Compare", for every surface: the language model and the best specialist for
// the request. A side the answer lacks is asked for again with `prefer`; `prefer` ranks it first,
// so its score would be the preference, not a fit, and its estimate would count the request's
// volume in the wrong medium. Such a side is shown as 0% and unpriced: it was not among the fits.
import type { AnswerT, RecommendationT } from './answer.js';
import type { CategoryIdT } from './schema.js';

/** What Compare needs of the recommender: one more answer, preferring a kind. */
export interface Asker {
  ask(query: string, options: { prefer: CategoryIdT }): AnswerT;
}

export interface ComparePair {
  readonly llm: RecommendationT;
  readonly specialist: RecommendationT;
}

function notAFit(r: RecommendationT): RecommendationT {
  const { estimate: _otherMedium, ...rest } = r;
  return { ...rest, score: 0 };
}

/** Both sides, or undefined when the request has no answer or no side can be found. */
export function comparePair(recommender: Asker, answer: AnswerT): ComparePair | undefined {
  if (!answer.recommendations.length) return undefined;
  const ownLlm = answer.recommendations.find((r) => r.category === 'llm');
  const llm = ownLlm ?? recommender.ask(answer.query, { prefer: 'llm' }).recommendations.find((r) => r.category === 'llm');
  const ownSpecialist = answer.recommendations.find((r) => r.category !== 'llm');
  // A pure text request: the combined option shows what a specialist pipeline would add.
  const specialist = ownSpecialist ?? recommender.ask(answer.query, { prefer: 'multimodal' }).recommendations.find((r) => r.category !== 'llm');
  if (!llm || !specialist) return undefined;
  return { llm: ownLlm ? llm : notAFit(llm), specialist: ownSpecialist ? specialist : notAFit(specialist) };
}
