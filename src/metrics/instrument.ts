// Times every answer the core gives, whichever surface asked, without touching the surfaces:
// the composition root hands them this instead of the plain Recommender.
import type { AnswerT } from '../core/answer.js';
import { Recommender, type AskOptions } from '../core/recommend.js';
import { recordAnswerTime } from './registry.js';

export class TimedRecommender extends Recommender {
  override ask(query: string, options: AskOptions = {}): AnswerT {
    const started = performance.now();
    try {
      const answer = super.ask(query, options);
      recordAnswerTime(answer.recommendations.length ? 'recommended' : 'nothing_fits', (performance.now() - started) / 1000);
      return answer;
    } catch (err) {
      recordAnswerTime('error', (performance.now() - started) / 1000);
      throw err;
    }
  }
}
