// Money and volume wording shared by every renderer (the core's, so answers and cards agree).
import { formatUsd, UNIT_WORDS } from '../core/money.js';
import type { EstimateT, VolumeT } from '../core/schema.js';

export { formatUsd };

const formatCount = (v: VolumeT): string => `${v.count.toLocaleString('en-US')} ${UNIT_WORDS[v.unit][v.count === 1 ? 0 : 1]}`;

export const formatVolume = (v: VolumeT): string => `${formatCount(v)} a ${v.period}`;

/** "$3–$150 a month for 300 images": the period is said once. */
export const formatEstimate = (e: EstimateT, v: VolumeT): string =>
  `${formatUsd(e.low)}–${formatUsd(e.high)} a ${e.per} for ${formatCount(v)}`;
