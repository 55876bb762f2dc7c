import { describe, expect, it } from 'vitest';
import { alternativesCard, answerCard, compareCard, helpCard, nothingFitsCard } from '../../src/render/answer-card.js';
import { PAYLOAD_QUERY_CHARS, type Card } from '../../src/render/card.js';
import { formatEstimate, formatUsd } from '../../src/render/money.js';
import { answerToText, cardToText } from '../../src/render/text.js';
import { recommender } from '../helpers/catalog.js';

const r = recommender();
const actions = (card: Card) => card.elements.flatMap((e) => (e.type === 'actions' ? e.actions : []));

describe('neutral cards', () => {
  it('show verdict, tools, cost with the estimate, turnaround, expertise, limitation, industry, why and version', () => {
    const a = r.ask('I need 300 product shots a month for the shop');
    const card = answerCard(a, { share: true });
    const text = cardToText(card);
    expect(card.elements[0]).toEqual({ type: 'header', text: 'Use an image generator' });
    for (const part of ['Tools: Adobe Firefly', '$3–$150 a month for 300 images', 'Turnaround: 5–30 seconds', 'Expertise: Moderate to high', 'Main limitation:', 'Retail:', 'Why: Reads as', `Catalog ${a.catalog.version}`]) {
      expect(text).toContain(part);
    }
    expect(actions(card).map((x) => x.id)).toEqual(['alternatives', 'compare', 'share', 'feedback_up', 'feedback_down']);
  });

  it('show a recipe for combined requests', () => {
    const text = answerToText(r.ask('write a blog post and generate a header image for it'));
    expect(text).toMatch(/How to split the work:\n {2}1\. Plan, reason and write the words: .+\n {2}2\. Make the still images: /);
  });

  it('ask back instead of guessing when two kinds tie', () => {
    const a = r.ask('images or video for the launch?');
    expect(a.clarify.length).toBeGreaterThan(1);
    const card = answerCard(a);
    expect(card.elements[0]).toEqual({ type: 'header', text: 'Which of these do you mean?' });
    expect(actions(card).map((x) => x.payload.prefer)).toEqual(a.clarify.map((c) => c.category));
  });

  it('say so politely when nothing fits, with examples', () => {
    const card = answerCard(r.ask('good morning everyone!'));
    expect(card).toEqual(nothingFitsCard('good morning everyone!'));
    expect(actions(card).every((x) => x.id === 'example')).toBe(true);
    expect(actions(helpCard()).length).toBeGreaterThan(3);
  });

  it('list the alternatives and compare the language model with the specialist', () => {
    const a = r.ask('write the captions and make the images for 5 instagram posts');
    const alt = cardToText(alternativesCard(a));
    for (const rec of a.recommendations.slice(1)) expect(alt).toContain(rec.verdict);
    const llm = r.ask(a.query, { prefer: 'llm' }).recommendations[0]!;
    const image = r.ask(a.query, { prefer: 'image' }).recommendations[0]!;
    const table = compareCard(a, llm, image).elements.find((e) => e.type === 'table');
    expect(table).toMatchObject({ columns: ['', 'Language model', 'Image generator'] });
    expect(table && table.type === 'table' && table.rows.map((row) => row[0])).toEqual(['Tools', 'Cost', 'Time', 'Expertise', 'Limits', 'Fit here']);
  });

  it('keep button payloads within platform limits for the longest request', () => {
    const q = `${'make a logo '.repeat(166)}`.slice(0, 2000);
    for (const action of actions(answerCard(r.ask(q), { share: true }))) {
      expect(action.payload.q.length).toBeLessThanOrEqual(PAYLOAD_QUERY_CHARS);
      expect(JSON.stringify(action.payload).length).toBeLessThan(2000);
    }
  });
});

describe('money', () => {
  it('formats ranges people can read', () => {
    expect(formatUsd(0.08)).toBe('$0.08');
    expect(formatUsd(3)).toBe('$3');
    expect(formatUsd(1500)).toBe('$1,500');
    expect(formatUsd(12.5)).toBe('$12.50');
    expect(formatUsd(0.2)).toBe('$0.20');
    expect(formatUsd(0.015)).toBe('$0.015');
    expect(formatEstimate({ low: 0.08, high: 4, currency: 'USD', per: 'day', unit: 'query', unitLow: 0.001, unitHigh: 0.05 }, { count: 80, unit: 'query', period: 'day' })).toBe('$0.08–$4 a day for 80 requests');
  });
});
