// "Compare" is one module both surfaces call (issue 18, point 2). Over every request of the
// project's own labelled sets: a side that was asked for again, not found among the fits, never
// looks like a better fit than the answer's own side, and is never priced at the request's volume.
import { describe, expect, it } from 'vitest';
import { comparePair } from '../../src/core/compare.js';
import { ownRequests } from '../helpers/own-sets.js';
import { recommender } from '../helpers/catalog.js';

const r = recommender();

describe('Compare agrees with the verdict', () => {
  it('re-asked sides are shown as 0% and unpriced; the answer’s own sides keep their fit and estimate', () => {
    let reasked = 0;
    for (const q of ownRequests()) {
      const answer = r.ask(q);
      const pair = comparePair(r, answer);
      if (!pair) continue;
      for (const side of [pair.llm, pair.specialist]) {
        const own = answer.recommendations.find((x) => x.category === side.category);
        if (own) {
          expect(side, q).toBe(own);
        } else {
          reasked++;
          expect(side.score, q).toBe(0);
          expect(side.estimate, q).toBeUndefined();
        }
      }
      const top = answer.recommendations[0]!;
      const other = top.category === pair.llm.category ? pair.specialist : pair.llm;
      if (top.category === pair.llm.category || top.category === pair.specialist.category) expect(other.score, q).toBeLessThanOrEqual(top.score);
    }
    expect(reasked).toBeGreaterThan(20);
  });

  it('gives no pair for a request nothing fits', () => {
    expect(comparePair(r, r.ask('what time is lunch on friday'))).toBeUndefined();
  });
});
