// What a stated volume costs: the catalog's per-unit range times the count, per the stated
// period. A category with no range for the unit gets no estimate rather than an invented one.
import type { CategoryT, EstimateT, VolumeT } from './schema.js';

// Cents and fractions of cents both appear in ranges; keep six decimals, drop float noise.
const money = (n: number): number => Math.round(n * 1e6) / 1e6;

export function estimate(category: CategoryT, volume: VolumeT): EstimateT | undefined {
  const range = category.costs.find((c) => c.unit === volume.unit);
  if (!range) return undefined;
  return {
    low: money(range.low * volume.count),
    high: money(range.high * volume.count),
    currency: range.currency,
    per: volume.period,
    unitLow: range.low,
    unitHigh: range.high,
    unit: range.unit,
  };
}
