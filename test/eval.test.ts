// The quality bar of the core, through the contract's command line: the project's own labelled
// sets, written from the labelling guide, scored by the project's own scorer (scripts/score.mjs).
// Nothing here reads outside the repository; .ci/run also scores the shared dev set when it is there.
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from './helpers/cli.js';
import { OWN_SETS } from './helpers/own-sets.js';

const SCORER = resolve('scripts/score.mjs');

function score(file: string, ...thresholds: string[]) {
  const r = spawnSync(process.execPath, [SCORER, file, ...thresholds, '--quiet'], { encoding: 'utf8', env: { ...process.env, WHICH_TOOL_CMD: `"${process.execPath}" "${CLI}" ask --json --stdin` } });
  return { code: r.status, last: r.stdout.trim().split('\n').at(-1) ?? '' };
}

describe('labelled sets', () => {
  // Industry is held to 0.7 here: these sets were labelled when the catalog's aliases were the
  // only reader, and the model now names an industry only when sure (docs/quality.md).
  it.each(OWN_SETS.map((f) => [basename(f), f]))('own set %s: category ≥ 0.95, industry ≥ 0.7, volume 1', (_name, file) => {
    const r = score(file, '--min', '0.95', '--min-industry', '0.7', '--min-volume', '1');
    expect(r.last).toMatch(/malformed 0$/);
    expect(r.code, r.last).toBe(0);
  });

  it('the scorer fails a set the core gets wrong (the check can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'which-tool-score-'));
    try {
      const wrong = join(dir, 'wrong.jsonl');
      writeFileSync(wrong, `${JSON.stringify({ q: 'make a jingle for our bakery', accept: ['video'], industry: 'legal', volume: null })}\n`);
      const r = score(wrong, '--min', '0.95');
      expect(r.code).toBe(1);
      expect(r.last).toMatch(/^category 0\.000 \(0\/1\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
