// Small helpers shared by the benchmark sections.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDataDir } from '../src/core/catalog.js';
import type { BenchRow } from './types.js';

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const row = (section: string, metric: string, value: string, target: string, met: boolean | null): BenchRow => ({ section, metric, value, target, met });

export function copyOfDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'which-tool-bench-'));
  cpSync(defaultDataDir(), dir, { recursive: true });
  return dir;
}
