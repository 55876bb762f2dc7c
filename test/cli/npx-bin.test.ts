// The contract's own command line, exactly as the checker types it: `npx which-tool` from the
// project's root after a build. tsc writes files 0644, so this fails on a fresh clone unless the
// build marks the bin executable (scripts/bin-executable.mjs).
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';

describe('npx which-tool', () => {
  it('the built bin is executable by its owner, group and others', () => {
    expect((statSync(CLI).mode & 0o111).toString(8)).toBe('111');
  });

  it('answers --json --stdin through npx, one object per line, in order', () => {
    const r = spawnSync('npx', ['--no-install', 'which-tool', 'ask', '--json', '--stdin'], {
      input: 'make a jingle\n\nsummarize this contract\n',
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { query: string; recommendations: { category: string }[] });
    expect(lines.map((l) => l.query)).toEqual(['make a jingle', 'summarize this contract']);
    expect(lines.map((l) => l.recommendations[0]?.category)).toEqual(['audio', 'llm']);
  }, 20_000);
});
