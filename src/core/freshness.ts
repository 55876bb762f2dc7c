// How old a catalog fact may be before it is called stale. Prices and product facts change
// faster than the catalog is edited, so every card marks the facts it uses that are older than
// this, and `which-tool catalog check` lists them. The clock is always passed in, so answers and
// checks can be reproduced for any day.

export const STALE_UNITS = ['day', 'week', 'month', 'year'] as const;
export type StaleUnit = (typeof STALE_UNITS)[number];

export interface StaleAfter {
  readonly amount: number;
  readonly unit: StaleUnit;
}

export const DEFAULT_STALE_AFTER: StaleAfter = Object.freeze({ amount: 6, unit: 'month' });

const UNIT_WORDS: Readonly<Record<string, StaleUnit>> = Object.freeze({
  d: 'day', day: 'day', days: 'day',
  w: 'week', wk: 'week', week: 'week', weeks: 'week',
  m: 'month', mo: 'month', month: 'month', months: 'month',
  y: 'year', yr: 'year', year: 'year', years: 'year',
});

/** "6 months", "6m", "180d", "1 year", "26w"; null for anything else. */
export function parseStaleAfter(text: string): StaleAfter | null {
  const m = /^\s*(\d{1,4})\s*([a-z]+)\s*$/i.exec(text);
  if (!m) return null;
  const unit = UNIT_WORDS[m[2]!.toLowerCase()];
  const amount = Number(m[1]);
  return unit && amount > 0 ? { amount, unit } : null;
}

/** "6 months", "1 year": the wording cards and reports use. */
export const describeStaleAfter = (s: StaleAfter): string => `${s.amount} ${s.unit}${s.amount === 1 ? '' : 's'}`;

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** The first day that is not stale at `now`: a fact dated before it is stale. Calendar months and
 * years, so "6 months" before 31 August is 28 (or 29) February, never 3 March. */
export function freshFrom(now: Date, after: StaleAfter): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (after.unit === 'day' || after.unit === 'week') {
    d.setUTCDate(d.getUTCDate() - after.amount * (after.unit === 'week' ? 7 : 1));
    return isoDay(d);
  }
  const months = after.amount * (after.unit === 'year' ? 12 : 1);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return isoDay(d);
}

/** Dates are YYYY-MM-DD, so text order is date order. */
export const isStale = (asOf: string, freshFromDay: string): boolean => asOf < freshFromDay;

export interface Freshness {
  readonly staleAfter: StaleAfter;
  /** Today, as the caller sees it; the real clock in production, a fixed one in tests. */
  readonly now: () => Date;
}

export const defaultFreshness = (staleAfter: StaleAfter = DEFAULT_STALE_AFTER): Freshness => ({ staleAfter, now: () => new Date() });
