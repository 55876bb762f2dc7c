// `which-tool catalog check` through the built command line: what is stale on a given day, the
// exit code --strict gives a CI job, and the variable that sets the limit.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfData } from '../helpers/catalog.js';
import { runCli } from '../helpers/cli.js';

interface Report {
  catalog: string;
  staleAfter: string;
  freshFrom: string;
  checked: number;
  stale: { file: string; path: string; kind: string; label: string; source: string; asOf: string }[];
  counts: Record<string, number>;
}

const check = (args: string[], env: Record<string, string> = {}) => runCli(['catalog', 'check', ...args], undefined, env);

describe('which-tool catalog check', () => {
  it('lists the facts older than 6 months on the day asked, prices counted, and passes --strict only when none is', () => {
    const r = check(['--json', '--at', '2026-12-03']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report).toMatchObject({ staleAfter: '6 months', freshFrom: '2026-06-03' });
    expect(report.stale.length).toBeGreaterThan(0);
    expect(report.stale.every((e) => e.asOf < '2026-06-03')).toBe(true);
    // The seed article's prices are from November 2025: a year later they are stale.
    expect(report.stale).toContainEqual(expect.objectContaining({ kind: 'price', path: 'categories[2].costs[0]', asOf: '2025-11-01', source: 'seed-llm-vs-genai' }));
    expect(report.counts.price).toBe(report.stale.filter((e) => e.kind === 'price').length);

    expect(check(['--strict', '--at', '2026-12-03']).code).toBe(1);
    const fresh = check(['--strict', '--json', '--at', '2025-12-01']);
    expect(fresh.code).toBe(0);
    expect((JSON.parse(fresh.stdout) as Report).stale).toEqual([]);
  });

  it('reads the limit from WHICH_TOOL_STALE_AFTER and refuses a bad one with one line', () => {
    const long = check(['--strict', '--json', '--at', '2026-12-03'], { WHICH_TOOL_STALE_AFTER: '3y' });
    expect(long.code).toBe(0);
    expect(JSON.parse(long.stdout)).toMatchObject({ staleAfter: '3 years', stale: [] });
    const bad = check([], { WHICH_TOOL_STALE_AFTER: 'whenever' });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('which-tool: configuration: WHICH_TOOL_STALE_AFTER must be a duration such as "6 months", "180d" or "1y"');
  });

  it('prints one readable line per stale entry, with its date, kind, place and source', () => {
    const dir = copyOfData();
    const file = join(dir, 'categories.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.categories[3].costs[0].asOf = '2019-05-04';
    writeFileSync(file, JSON.stringify(data));
    const r = check(['--at', '2025-12-01'], { WHICH_TOOL_DATA: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Catalog [0-9a-f]{12}: 1 of \d+ dated entries are older than 6 months \(dated before 2025-06-01\)\.$/);
    expect(lines[1]).toBe('Stale: 1 price.');
    expect(lines[2]).toBe('2019-05-04  price     categories.json categories[3].costs[0]  Video generator: $0.50–$5 per video  [seed-llm-vs-genai]');
    expect(check(['--strict', '--at', '2025-12-01'], { WHICH_TOOL_DATA: dir }).code).toBe(1);
  });

  it('refuses unknown options and bad dates with the usage', () => {
    for (const args of [['--at', 'tomorrow'], ['--loud']]) {
      const r = check(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/usage: which-tool catalog check/);
    }
    expect(runCli(['catalog']).code).toBe(2);
  });
});
