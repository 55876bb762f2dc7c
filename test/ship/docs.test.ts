// The operator's documentation keeps up with the code: every environment variable the
// configuration reads is in the configuration reference, every metric the registry exposes is
// documented, and SECURITY.md covers each endpoint.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../../src/metrics/registry.js';
import { repoRoot } from './dockerfile.js';

/** README.md plus docs/*.md: the lead merges the area sections into the README. */
function operatorDocs(): string {
  const docs = join(repoRoot, 'docs');
  const parts = existsSync(docs) ? readdirSync(docs).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(docs, f), 'utf8')) : [];
  const readme = join(repoRoot, 'README.md');
  return [existsSync(readme) ? readFileSync(readme, 'utf8') : '', ...parts].join('\n');
}

describe('operator documentation', () => {
  it('documents every variable src/config/config.ts reads, in a table row', () => {
    const source = readFileSync(join(repoRoot, 'src', 'config', 'config.ts'), 'utf8');
    const block = source.slice(source.indexOf('const Env = z.object({'), source.indexOf('});', source.indexOf('const Env = z.object({')));
    const names = [...block.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(15);
    const rows = operatorDocs().split('\n').filter((l) => l.startsWith('|'));
    expect(names.filter((n) => !rows.some((r) => r.includes(`\`${n}\``)))).toEqual([]);
  });

  it('documents every which_tool_ metric /metrics exposes', async () => {
    const names = (await registry.getMetricsAsJSON()).map((m) => m.name).filter((n) => n.startsWith('which_tool_'));
    expect(names.length).toBeGreaterThanOrEqual(6);
    const docs = operatorDocs();
    expect(names.filter((n) => !docs.includes(`\`${n}\``))).toEqual([]);
  });

  it('SECURITY.md covers each endpoint, retention, rotation and auditing', () => {
    const security = readFileSync(join(repoRoot, 'SECURITY.md'), 'utf8');
    for (const s of ['/slack/events', '/api/messages', '/healthz', '/metrics', 'WHICH_TOOL_RETENTION_DAYS', 'npm audit --omit=dev', 'Rotating secrets', 'MICROSOFT_APP_ID'])
      expect(security, s).toContain(s);
  });
});
