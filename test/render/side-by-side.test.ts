// Tool versus tool (issue 18, point 4): a request naming two or more tools gets them side by side.
import { describe, expect, it } from 'vitest';
import { applyPolicy } from '../../src/core/policy/apply.js';
import { parsePolicy } from '../../src/core/policy/load.js';
import { answerCard } from '../../src/render/answer-card.js';
import { cardToAdaptiveCard } from '../../src/render/adaptive-card.js';
import { cardToBlockKit } from '../../src/render/block-kit.js';
import type { CardElement } from '../../src/render/card.js';
import { sideBySide } from '../../src/render/side-by-side.js';
import { runCli } from '../helpers/cli.js';
import { recommender, shippedCatalog } from '../helpers/catalog.js';

const r = recommender();
const tableOf = (q: string) => answerCard(r.ask(q)).elements.find((e) => e.type === 'table');
/** The rows of a table element; fails the test for anything else. */
function rowsOf(e: CardElement | null | undefined): readonly (readonly string[])[] {
  if (e?.type !== 'table') throw new Error(`expected a table, got ${e?.type ?? 'nothing'}`);
  return e.rows;
}

describe('tool versus tool', () => {
  it('sets the named tools against each other: kind, best use, price from their plans', () => {
    const t = tableOf('Runway or Pika for a 10 s loop?');
    expect(t).toMatchObject({ type: 'table', columns: ['', 'Runway Gen-3', 'Pika Labs'] });
    const rows = new Map(rowsOf(t).map((row) => [row[0], row.slice(1)]));
    expect(rows.get('Kind')).toEqual(['Video generator', 'Video generator']);
    expect(rows.get('Price')!.every((p) => /^\$\d+–\$\d+ a month$/.test(p))).toBe(true);
    expect(rows.get('Best for')![0]).not.toBe(rows.get('Best for')![1]);
    // Same kind, same limits: no row that says one thing twice.
    expect(rows.has('A limit')).toBe(false);
  });

  it('across kinds it shows each kind and a limit of each, and a per-use price where there is no plan', () => {
    const rows = new Map(rowsOf(tableOf('should I use Claude or ElevenLabs for the podcast intro?')).map((row) => [row[0], row.slice(1)]));
    expect(rows.get('Kind')).toEqual(['Language model', 'Audio generator']);
    expect(rows.get('A limit')).toHaveLength(2);
    expect(rows.get('A limit')![0]).not.toBe(rows.get('A limit')![1]);
  });

  it('none for one named tool or none at all', () => {
    expect(tableOf('is Midjourney any good for a logo?')).toBeUndefined();
    expect(tableOf('a logo for the bakery')).toBeUndefined();
  });

  it('under a policy it adds what the policy says of each, and keeps the list with notes and alternatives', () => {
    const policy = parsePolicy('p.json', JSON.stringify({ unlisted: 'approved', tools: [{ name: 'Midjourney v6', status: 'prohibited', note: 'no enterprise agreement' }] }), shippedCatalog());
    const answer = applyPolicy(r.ask('Midjourney or DALL-E for a logo?'), policy);
    expect(rowsOf(sideBySide(answer)).find((row) => row[0] === 'Your policy')).toEqual(['Your policy', 'Prohibited', 'Approved']);
    const card = answerCard(answer);
    expect(card.elements.some((e) => e.type === 'tools' && e.title === 'The tools you named')).toBe(true);
  });

  it('renders as side-by-side fields in Slack and a table in Teams', () => {
    const card = answerCard(r.ask('Midjourney or DALL-E for a logo?'));
    const blocks = JSON.stringify(cardToBlockKit(card).blocks);
    expect(blocks).toContain('*Midjourney v6*');
    expect(blocks).toContain('*Price*');
    const adaptive = JSON.stringify(cardToAdaptiveCard(card));
    expect(adaptive).toContain('Midjourney v6');
    expect(adaptive).toContain('Price');
  });

  it('the command line gives each named tool its plan, cost and limit', () => {
    const out = runCli(['ask', '--json', 'Midjourney or DALL-E for a logo?']);
    expect(out.code).toBe(0);
    const named = JSON.parse(out.stdout).named as { name: string; plan?: { low: number }; cost: string; limit: string }[];
    expect(named.map((n) => n.name)).toEqual(['Midjourney v6', 'DALL-E 3']);
    expect(named[0]!.plan!.low).toBeGreaterThan(0);
    expect(named[1]!.plan).toBeUndefined();
    for (const n of named) expect(n.cost.length * n.limit.length).toBeGreaterThan(0);
  });
});
