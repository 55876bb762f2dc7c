import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { DEFAULT_STALE_AFTER, describeStaleAfter, freshFrom, isStale, parseStaleAfter } from '../../src/core/freshness.js';
import { datedEntries, staleReport, stalePricesLine } from '../../src/core/stale.js';
import { shippedCatalog } from '../helpers/catalog.js';

const at = (day: string) => () => new Date(`${day}T12:00:00Z`);

describe('how old a fact may be', () => {
  it.each([
    ['6 months', 6, 'month'],
    ['6m', 6, 'month'],
    ['180d', 180, 'day'],
    ['26 weeks', 26, 'week'],
    ['1y', 1, 'year'],
    [' 2 Years ', 2, 'year'],
  ])('reads "%s"', (text, amount, unit) => {
    expect(parseStaleAfter(text)).toEqual({ amount, unit });
  });

  it.each(['', 'six months', '6', '0m', '-3m', '6 fortnights', '6 months ago'])('refuses "%s"', (text) => {
    expect(parseStaleAfter(text)).toBeNull();
  });

  it('counts calendar months back, clamped to the end of a shorter month', () => {
    expect(freshFrom(new Date('2026-12-03T09:00:00Z'), DEFAULT_STALE_AFTER)).toBe('2026-06-03');
    expect(freshFrom(new Date('2026-08-31T00:00:00Z'), { amount: 6, unit: 'month' })).toBe('2026-02-28');
    expect(freshFrom(new Date('2028-08-31T00:00:00Z'), { amount: 6, unit: 'month' })).toBe('2028-02-29');
    expect(freshFrom(new Date('2026-03-10T00:00:00Z'), { amount: 2, unit: 'week' })).toBe('2026-02-24');
    expect(freshFrom(new Date('2026-03-10T00:00:00Z'), { amount: 1, unit: 'year' })).toBe('2025-03-10');
    expect(isStale('2026-06-02', '2026-06-03')).toBe(true);
    expect(isStale('2026-06-03', '2026-06-03')).toBe(false);
    expect(describeStaleAfter(DEFAULT_STALE_AFTER)).toBe('6 months');
    expect(describeStaleAfter({ amount: 1, unit: 'year' })).toBe('1 year');
  });

  it('is configured by WHICH_TOOL_STALE_AFTER, 6 months by default, and a bad value stops start-up naming it', () => {
    expect(loadConfig({}).staleAfter).toEqual({ amount: 6, unit: 'month' });
    expect(loadConfig({ WHICH_TOOL_STALE_AFTER: '90d' }).staleAfter).toEqual({ amount: 90, unit: 'day' });
    expect(() => loadConfig({ WHICH_TOOL_STALE_AFTER: 'soon' })).toThrow(/WHICH_TOOL_STALE_AFTER must be a duration/);
  });
});

describe('stale catalog entries', () => {
  const catalog = shippedCatalog();

  it('finds every dated entry of the catalog, prices marked as prices', () => {
    const all = datedEntries(catalog);
    expect(all.length).toBeGreaterThan(100);
    const image = all.find((e) => e.path === 'categories[2].costs[0]');
    expect(image).toMatchObject({ file: 'categories.json', kind: 'price', label: 'Image generator: $0.01–$0.50 per image', source: 'seed-llm-vs-genai' });
    expect(all.find((e) => e.path === 'categories[0].tools[0]')).toMatchObject({ kind: 'tool', label: 'Language model: Claude Sonnet 4.5' });
    expect(all.find((e) => e.path === 'useCases[0]')).toMatchObject({ kind: 'use case', file: 'use-cases.json' });
    expect(all.every((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.asOf))).toBe(true);
  });

  it('lists what is older than the limit on a given day, oldest first, and says it in one digest line', () => {
    const everything = staleReport(catalog, { staleAfter: { amount: 1, unit: 'day' }, now: at('2040-01-01') });
    expect(everything.stale.length).toBe(everything.checked);
    const nothing = staleReport(catalog, { staleAfter: { amount: 100, unit: 'year' }, now: at('2026-12-03') });
    expect(nothing.stale).toEqual([]);
    expect(stalePricesLine(nothing)).toBeNull();

    const today = staleReport(catalog, { staleAfter: DEFAULT_STALE_AFTER, now: at('2026-12-03') });
    expect(today.freshFrom).toBe('2026-06-03');
    expect(today.stale.length).toBeGreaterThan(0);
    expect(today.stale.every((e) => e.asOf < '2026-06-03')).toBe(true);
    expect([...today.stale].sort((a, b) => a.asOf.localeCompare(b.asOf))).toEqual(today.stale);
    const prices = today.stale.filter((e) => e.kind === 'price').length;
    expect(prices).toBeGreaterThan(0);
    expect(today.counts.price).toBe(prices);
    expect(stalePricesLine(today)).toBe(`${prices} prices older than 6 months`);
  });
});
