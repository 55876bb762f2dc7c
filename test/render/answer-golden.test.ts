// Golden renderings of real answers, on a fixed day: the text card (terminal, fallbacks) for
// three kinds of answer, and the Block Kit message of one. A change to what cards say shows up
// here as a diff to review; regenerate deliberately after reviewing it:
//   UPDATE_GOLDEN=1 npx vitest run test/render/answer-golden.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Recommender } from '../../src/core/recommend.js';
import { answerCard } from '../../src/render/answer-card.js';
import { cardToBlockKit } from '../../src/render/block-kit.js';
import { answerToText } from '../../src/render/text.js';
import { shippedCatalog } from '../helpers/catalog.js';

const catalog = shippedCatalog();
const december = new Recommender(catalog, undefined, { freshness: { staleAfter: { amount: 6, unit: 'month' }, now: () => new Date('2026-12-03T10:00:00Z') } });
// The version is a digest of the data files and changes with any edit; the rest must not drift.
const stable = (s: string): string => s.replaceAll(catalog.version, '<version>');

function golden(name: string, rendered: string): void {
  const file = resolve(process.cwd(), 'test/fixtures', name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, rendered);
  expect(rendered).toBe(readFileSync(file, 'utf8'));
}

const QUERIES = [
  // An image answer for a healthcare practice: no unrelated case study, stale seed prices marked.
  '400 product shots a month for our dental practice',
  // A combined answer: the recipe, its tools and its parts' prices agree.
  'write the copy and make the images for 20 reels a week',
  // An audio answer: a per-clip estimate from the editors' survey, plans sold by subscription.
  'a dozen voiceovers a month for our training videos',
];

describe('golden answer cards', () => {
  it('text rendering of three answers, as recorded in test/fixtures/answer-cards.txt', () => {
    golden('answer-cards.txt', stable(QUERIES.map((q) => answerToText(december.ask(q))).join('\n\n———\n\n') + '\n'));
  });

  it('Block Kit rendering of the dental answer, as recorded in test/fixtures/block-kit-dental.json', () => {
    const message = cardToBlockKit(answerCard(december.ask(QUERIES[0]!), { share: true }));
    golden('block-kit-dental.json', stable(`${JSON.stringify(message, null, 2)}\n`));
  });
});
