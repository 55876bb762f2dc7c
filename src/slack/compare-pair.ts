// Picks the two sides of "Compare": the language model and the best specialist for the
// request. When the answer lacks one, the core is asked again preferring it:
// - no language model in the answer: ask with prefer 'llm';
// - no specialist (a pure text request): the best non-llm alternative if any, else the
//   combined "use both" option, i.e. what a specialist pipeline would add.
import type { AnswerT, RecommendationT } from '../core/answer.js';
import type { Recommender } from '../core/recommend.js';

export interface ComparePair {
  readonly llm: RecommendationT;
  readonly specialist: RecommendationT;
}

export function comparePair(recommender: Recommender, answer: AnswerT): ComparePair | undefined {
  if (!answer.recommendations.length) return undefined;
  const llm =
    answer.recommendations.find((r) => r.category === 'llm') ??
    recommender.ask(answer.query, { prefer: 'llm' }).recommendations.find((r) => r.category === 'llm');
  const specialist =
    answer.recommendations.find((r) => r.category !== 'llm') ??
    recommender.ask(answer.query, { prefer: 'multimodal' }).recommendations.find((r) => r.category !== 'llm');
  return llm && specialist ? { llm, specialist } : undefined;
}
