// Money and unit wording, in the core because a combined answer's cost line is built from its
// recipe's parts there; the renderers use the same functions, so every surface words prices alike.
import type { UnitT } from './schema.js';

export function formatUsd(n: number): string {
  if (n >= 100) return `$${Math.round(n).toLocaleString('en-US')}`;
  if (n >= 1) return `$${n.toFixed(2).replace(/\.00$/, '')}`;
  // Two significant figures, and whole cents from a dime up ("$0.20", "$0.08", "$0.015").
  const p = Number(n.toPrecision(2));
  return p >= 0.1 ? `$${p.toFixed(2)}` : `$${p}`;
}

/** Per-unit figures keep two decimals from a cent up ("$0.50"), so a range reads evenly. */
export function formatUnitPrice(n: number): string {
  return n >= 0.01 && n < 1 ? `$${n.toFixed(2)}` : formatUsd(n);
}

export const UNIT_WORDS: Readonly<Record<UnitT, readonly [string, string]>> = Object.freeze({
  image: ['image', 'images'],
  video: ['video clip', 'video clips'],
  query: ['request', 'requests'],
  audio: ['audio clip', 'audio clips'],
  model: ['3D model', '3D models'],
});

/** "$0.01–$0.50 per image". */
export const formatUnitRange = (low: number, high: number, unit: UnitT): string =>
  `${formatUnitPrice(low)}–${formatUnitPrice(high)} per ${UNIT_WORDS[unit][0]}`;
