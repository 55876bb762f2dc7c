import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Answer } from '../../src/core/answer.js';
import { CATEGORY_IDS } from '../../src/core/schema.js';
import { recommender } from '../helpers/catalog.js';

const r = recommender();
const catalogWords = [...new Set(r.catalog.useCases.flatMap((u) => u.phrases.join(' ').split(/\s+/)))];

// Any text a chat client can send: arbitrary unicode, markup, catalog words and numbers mixed.
const request = fc.oneof(
  fc.string({ maxLength: 2000, unit: 'grapheme' }),
  fc.string({ maxLength: 2000, unit: 'binary' }),
  fc
    .array(fc.oneof(fc.constantFrom(...catalogWords), fc.constantFrom('<!channel>', '<@U1>', 'no', 'not', 'for', 'and', ',', '5k', 'a month', ':art:', '\u0000', '💥'), fc.nat({ max: 100000 }).map(String)), { maxLength: 60 })
    .map((words) => words.join(' ').slice(0, 2000)),
);

describe('any request up to 2,000 characters', () => {
  it('gives the contract shape, without throwing, and the same answer twice', () => {
    fc.assert(
      fc.property(request, (q) => {
        const a = r.ask(q);
        expect(Answer.safeParse(a).success).toBe(true);
        expect(a.query).toBe(q);
        for (const rec of a.recommendations) {
          expect(CATEGORY_IDS).toContain(rec.category);
          expect(rec.score).toBeGreaterThanOrEqual(0);
          expect(rec.score).toBeLessThanOrEqual(1);
          if (rec.estimate) expect(rec.estimate.low).toBeLessThanOrEqual(rec.estimate.high);
        }
        const scores = a.recommendations.map((x) => x.score);
        expect([...scores].sort((x, y) => y - x)).toEqual(scores);
        expect(JSON.stringify(r.ask(q))).toBe(JSON.stringify(a));
      }),
      { numRuns: 400 },
    );
  });
});
