// Money and volume wording shared by every renderer.
import type { EstimateT, VolumeT } from '../core/schema.js';

export function formatUsd(n: number): string {
  if (n >= 100) return `$${Math.round(n).toLocaleString('en-US')}`;
  if (n >= 1) return `$${n.toFixed(2).replace(/\.00$/, '')}`;
  return `$${Number(n.toPrecision(2))}`;
}

const UNIT_WORDS: Readonly<Record<VolumeT['unit'], [string, string]>> = {
  image: ['image', 'images'],
  video: ['video clip', 'video clips'],
  query: ['request', 'requests'],
  audio: ['audio clip', 'audio clips'],
  model: ['3D model', '3D models'],
};

const formatCount = (v: VolumeT): string => `${v.count.toLocaleString('en-US')} ${UNIT_WORDS[v.unit][v.count === 1 ? 0 : 1]}`;

export const formatVolume = (v: VolumeT): string => `${formatCount(v)} a ${v.period}`;


/** "$3–$150 a month for 300 images": the period is said once. */
export const formatEstimate = (e: EstimateT, v: VolumeT): string =>
  `${formatUsd(e.low)}–${formatUsd(e.high)} a ${e.per} for ${formatCount(v)}`;
