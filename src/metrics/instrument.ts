// Times every answer the core gives, whichever surface asked, without touching the surfaces:
// the composition root hands them this instead of the plain Recommender.
import type { AnswerT } from '../core/answer.js';
import { Recommender, type AskOptions } from '../core/recommend.js';
import { answerDuration } from './registry.js';

export class TimedRecommender extends Recommender {
  override ask(query: string, options: AskOptions = {}): AnswerT {
    const end = answerDuration.startTimer();
    try {
      const answer = super.ask(query, options);
      end({ outcome: answer.recommendations.length ? 'recommended' : 'nothing_fits' });
      return answer;
    } catch (err) {
      end({ outcome: 'error' });
      throw err;
    }
  }
}
