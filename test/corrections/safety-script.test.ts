// The correction-safety script runs end to end: trains with synthetic corrections of one kind,
// scores the slice before and after, and fails on bad usage. (A 64th of the corpus, for speed.)
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataWithSmallCorpus } from './helpers.js';

const run = (args: string[], data: string) =>
  spawnSync(process.execPath, ['dist/scripts/correction-safety.js', ...args], { encoding: 'utf8', env: { ...process.env, WHICH_TOOL_DATA: data } });

describe('correction-safety script', () => {
  it('scores a slice with the shipped model and with one trained on N corrections of one kind', async () => {
    const data = dataWithSmallCorpus(64);
    const slice = join(data, 'slice.jsonl');
    writeFileSync(slice, ['make a jingle for our bakery', 'summarize this contract'].map((q, i) => JSON.stringify({ q, accept: [i ? 'llm' : 'audio'], industry: null, volume: null })).join('\n'));
    const r = run([slice, '--kind', 'image', '--n', '5'], data);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^5 accepted corrections, all "image"/);
    expect(r.stdout).toMatch(/the corrections themselves answered "image": \d\/5/);
    expect(r.stdout).toMatch(/before \(shipped [0-9a-f]{12}\): +category [\d.]+ \(n 2\)/);
    expect(r.stdout).toMatch(/after {2}\(deployment [0-9a-f]{12}\): category [\d.]+ \(n 2\)/);
    expect(run([slice, '--kind', 'hologram'], data).status).toBe(2);
  });
});
