// Every answer to the project's own labelled requests, and every other card the bot sends, must
// parse and validate in Microsoft's own Adaptive Cards library with no events (errors or warnings) and stay < 28 KB.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/core/catalog.js';
import { Recommender } from '../../src/core/recommend.js';
import { adaptiveCardBytes, cardToAdaptiveCard, MAX_CARD_BYTES, type AdaptiveCard } from '../../src/render/adaptive-card.js';
import { alternativesCard, answerCard, compareCard, helpCard, nothingFitsCard, noticeCard } from '../../src/render/answer-card.js';
import type { Card } from '../../src/render/card.js';
import { ownRequests } from '../helpers/own-sets.js';
import { adaptiveCardProblems } from '../teams/support.js';

describe('Adaptive Cards from the answer model', () => {
  let recommender: Recommender;
  beforeAll(() => {
    recommender = new Recommender(loadCatalog());
  });

  it('renders the answer to every labelled request as a valid card under 28 KB, in both action styles', () => {
    const queries = ownRequests();
    expect(queries.length).toBeGreaterThan(50);
    let checked = 0;
    for (const q of queries) {
      const answer = recommender.ask(q);
      const cards: Card[] = [answerCard(answer), alternativesCard(answer)];
      const llm = answer.recommendations.find((r) => r.category === 'llm') ?? recommender.ask(q, { prefer: 'llm' }).recommendations[0]!;
      const spec = answer.recommendations.find((r) => r.category !== 'llm');
      if (spec) cards.push(compareCard(answer, llm, spec));
      for (const card of cards) {
        for (const actions of ['execute', 'submit'] as const) {
          const json = cardToAdaptiveCard(card, { actions });
          expect(adaptiveCardProblems(json), `${q} (${card.summary}, ${actions})`).toEqual([]);
          expect(adaptiveCardBytes(json)).toBeLessThan(MAX_CARD_BYTES);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(queries.length * 4);
  });

  it('renders help, nothing-fits and notices validly', () => {
    for (const card of [helpCard(), nothingFitsCard('hello there'), noticeCard('Sorry', 'Try again.')]) {
      expect(adaptiveCardProblems(cardToAdaptiveCard(card))).toEqual([]);
    }
  });

  it('a library check catches a broken card (the check can fail)', () => {
    const broken = { ...cardToAdaptiveCard(helpCard()), body: [{ type: 'NotAnElement' }, { type: 'ActionSet', actions: [] }] } as unknown as AdaptiveCard;
    expect(adaptiveCardProblems(broken).length).toBeGreaterThan(0);
  });

  it('keeps the longest request under 28 KB', () => {
    const q = `make a product video ${'with many words and details '.repeat(70)}`.slice(0, 2000);
    const answer = recommender.ask(q);
    for (const card of [answerCard(answer), alternativesCard(answer)]) {
      const json = cardToAdaptiveCard(card);
      expect(adaptiveCardProblems(json)).toEqual([]);
      expect(adaptiveCardBytes(json)).toBeLessThan(MAX_CARD_BYTES);
    }
  });
});
