// A calibration plot as a small SVG: confidence on x, share of answers right on y, the diagonal
// for perfect calibration, one dot per confidence tenth sized by how many answers fell in it.
import type { Metrics } from '../src/core/model/metrics.js';

export function calibrationSvg(bins: Metrics['calibration'], title: string): string {
  const size = 320, pad = 40, plot = size - 2 * pad;
  const x = (v: number): number => pad + v * plot;
  const y = (v: number): number => size - pad - v * plot;
  const total = bins.reduce((a, b) => a + b.n, 0) || 1;
  const dots = bins
    .filter((b) => b.n)
    .map((b) => `<circle cx="${x(b.meanConfidence).toFixed(1)}" cy="${y(b.ok / b.n).toFixed(1)}" r="${(3 + 12 * Math.sqrt(b.n / total)).toFixed(1)}" fill="#2b6cb0" fill-opacity="0.6"><title>${b.from.toFixed(1)}–${(b.from + 0.1).toFixed(1)}: ${b.ok}/${b.n} right</title></circle>`);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map(
    (t) => `<text x="${x(t)}" y="${size - pad + 16}" text-anchor="middle">${t}</text><text x="${pad - 8}" y="${y(t) + 4}" text-anchor="end">${t}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size + 20}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="white"/>
<text x="${size / 2}" y="16" text-anchor="middle" font-size="12">${title}</text>
<rect x="${pad}" y="${pad}" width="${plot}" height="${plot}" fill="none" stroke="#999"/>
<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#999" stroke-dasharray="4 3"/>
${ticks.join('\n')}
${dots.join('\n')}
<text x="${size / 2}" y="${size - 6}" text-anchor="middle">confidence the answer gave</text>
<text x="12" y="${size / 2}" text-anchor="middle" transform="rotate(-90 12 ${size / 2})">share right</text>
</svg>
`;
}
