// Small helpers shared by the benchmark sections.
import { createHmac } from 'node:crypto';
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

let signed = 0;

/**
 * A slash command for autocannon, signed afresh for every send (a new trigger id and timestamp),
 * as Slack sends each request: the server accepts a signed request only once.
 */
export function freshlySignedCommand(secret: string, fields: Record<string, string>): Record<string, unknown> {
  return {
    method: 'POST',
    path: '/slack/events',
    setupRequest: (req: Record<string, unknown>) => {
      const ts = Math.floor(Date.now() / 1000);
      const body = new URLSearchParams({ ...fields, trigger_id: `${ts}.${++signed}.bench` }).toString();
      const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
      const headers = { ...(req.headers as Record<string, string>), 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature };
      return { ...req, body, headers };
    },
  };
}
