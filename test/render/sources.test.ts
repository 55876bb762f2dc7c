// Issue 18, points 6 and 7 on the cards: each fact shown can be traced to its source and date,
// the date a card shows is the age of the facts it uses, and facts older than the deployment's
// limit are marked, on every surface's rendering.
import { describe, expect, it } from 'vitest';
import type { AnswerT, CitationT } from '../../src/core/answer.js';
import { Answer } from '../../src/core/answer.js';
import type { StaleAfter } from '../../src/core/freshness.js';
import { Recommender } from '../../src/core/recommend.js';
import { alternativesCard, answerCard, compareCard } from '../../src/render/answer-card.js';
import { cardToAdaptiveCard } from '../../src/render/adaptive-card.js';
import { cardToBlockKit } from '../../src/render/block-kit.js';
import { answerToText, cardToText } from '../../src/render/text.js';
import { runCli } from '../helpers/cli.js';
import { shippedCatalog } from '../helpers/catalog.js';
import { ownRequests } from '../helpers/own-sets.js';

const catalog = shippedCatalog();
const on = (day: string, staleAfter: StaleAfter = { amount: 6, unit: 'month' }) =>
  new Recommender(catalog, undefined, { freshness: { staleAfter, now: () => new Date(`${day}T10:00:00Z`) } });

const december = on('2026-12-03');
const january = on('2026-01-15');

// The project's own labelled sets: a clone alone in its folder has no ../shared.
const requests = ownRequests();

const dated = catalog.sources.map((s) => s.id);

describe('every fact shown has a source and a date', () => {
  it('cites each part a card shows, from sources the answer names, with the catalog entries\' dates', () => {
    for (const q of requests) {
      const a = december.ask(q);
      expect(Answer.parse(a), q).toEqual(a);
      const named = a.sources.map((s) => s.id);
      for (const r of a.recommendations) {
        const parts = new Set(r.cited.map((c) => c.part));
        for (const p of ['tools', 'cost', 'turnaround', 'expertise', 'limitation', 'changes'] as const) expect(parts.has(p), `${q}: ${r.category} ${p}`).toBe(true);
        expect(parts.has('plans'), `${q}: plans`).toBe(r.plans.length > 0);
        for (const c of r.cited) {
          expect(dated, q).toContain(c.source);
          expect(named, q).toContain(c.source);
          expect(c.stale, q).toBe(c.asOf < a.freshness.freshFrom);
        }
      }
      const ctx = a.industryContext;
      if (ctx) expect(ctx.cited.map((c) => c.part).sort(), q).toEqual([...(ctx.caseStudy ? ['case study'] : []), ...(ctx.fact ? ['industry fact'] : [])].sort());
    }
  });

  it('dates an image price by the seed article and an audio price by the editors\' survey', () => {
    const image = december.ask('400 product shots a month for the shop').recommendations[0]!;
    expect(image.cited.filter((c) => c.part === 'cost')).toEqual([
      { part: 'cost', source: 'seed-llm-vs-genai', asOf: '2025-11-01', stale: true },
    ]);
    const audio = december.ask('a dozen voiceovers a month for our training videos').recommendations[0]!;
    expect(audio.cited.filter((c) => c.part === 'cost')).toEqual([
      { part: 'cost', source: 'editors-price-survey', asOf: '2026-12-03', stale: false },
    ]);
  });
});

describe('the date on a card is the age of its facts', () => {
  const dates = (cited: readonly CitationT[]) => [...new Set(cited.map((c) => c.asOf))].sort();

  it('shows the oldest and newest dates of the facts it uses, not the newest catalog edit', () => {
    const a = december.ask('400 product shots a month for the shop');
    const shown = [...a.recommendations[0]!.cited, ...(a.industryContext?.cited ?? [])];
    const [from, to] = [dates(shown)[0]!, dates(shown).at(-1)!];
    expect(from).toBe('2025-11-01');
    const text = answerToText(a);
    expect(text).toContain(`Catalog ${a.catalog.version} · facts dated ${from} to ${to} ·`);
    expect(text).not.toContain(`as of ${a.catalog.asOf}`);
    expect(text).toMatch(/^Sources: LLMs vs generative AI: .+, 2025-11-01 ⚠: tools, cost, turnaround, expertise, main limitation/m);
  });
});

describe('stale facts are marked', () => {
  it('in January 2026 nothing in the shipped catalog is older than 6 months: no mark', () => {
    const text = answerToText(january.ask('400 product shots a month for the shop'));
    expect(text).not.toContain('⚠');
  });

  it('in December 2026 the seed\'s facts are: each such field is marked with its date, and the legend says why', () => {
    const a = december.ask('400 product shots a month for the shop');
    const text = answerToText(a);
    for (const field of ['Tools', 'Cost', 'Turnaround', 'Expertise', 'Main limitation']) expect(text).toMatch(new RegExp(`^${field}: .* ⚠ 2025-11-01`, 'm'));
    expect(text).toMatch(/^What would change the verdict: (?!.*⚠)/m);
    expect(text).toContain('⚠ older than 6 months');
    expect(text).toMatch(/^Retail: .* ⚠ 2025-11-01$/m);
  });

  it('follows the configured limit: with 1 day, even today\'s editors\' facts are stale a week later', () => {
    const text = answerToText(on('2026-12-10', { amount: 1, unit: 'day' }).ask('make a jingle for our bakery'));
    expect(text).toMatch(/^What would change the verdict: .* ⚠ 2026-12-03$/m);
    expect(text).toMatch(/Sold by subscription: .* ⚠ 2026-12-03$/m);
    expect(text).toContain('⚠ older than 1 day');
  });

  it('on the other cards too: alternatives and comparison', () => {
    const a = december.ask('write the captions and make the images for 5 instagram posts');
    expect(cardToText(alternativesCard(a))).toMatch(/^Cost: .* ⚠ 2025-11-01/m);
    const llm = december.ask(a.query, { prefer: 'llm' }).recommendations[0]!;
    const image = december.ask(a.query, { prefer: 'image' }).recommendations[0]!;
    const compare = cardToText(compareCard(a, llm, image));
    expect(compare).toMatch(/^Time: Language model: .* ⚠ 2025-11-01 \| Image generator: .* ⚠ 2025-11-01$/m);
    expect(compare).toMatch(/^Sources: /m);
  });

  it('in Slack and Teams renderings', () => {
    const card = answerCard(december.ask('400 product shots a month for the shop'), { share: true });
    const slack = JSON.stringify(cardToBlockKit(card));
    const teams = JSON.stringify(cardToAdaptiveCard(card));
    for (const rendered of [slack, teams]) {
      expect(rendered).toContain('⚠ 2025-11-01');
      expect(rendered).toContain('Sources: LLMs vs generative AI');
      expect(rendered).toContain('⚠ older than 6 months');
    }
  });
});

describe('through the command line', () => {
  it('marks stale facts by WHICH_TOOL_STALE_AFTER, and says the limit in --json', () => {
    const strict = runCli(['ask', '400 product shots a month for the shop']);
    expect(strict.stdout).toMatch(/^Cost: .* ⚠ 2025-11-01/m);
    const relaxed = runCli(['ask', '400 product shots a month for the shop'], undefined, { WHICH_TOOL_STALE_AFTER: '50y' });
    expect(relaxed.stdout).not.toContain('⚠');
    expect(relaxed.stdout).toMatch(/^Sources: /m);
    const json = runCli(['ask', '--json', 'make a jingle'], undefined, { WHICH_TOOL_STALE_AFTER: '50y' });
    const a = JSON.parse(json.stdout) as AnswerT;
    expect(a.freshness.staleAfter).toBe('50 years');
    expect(a.recommendations[0]!.cited.every((c) => !c.stale)).toBe(true);
  });
});
