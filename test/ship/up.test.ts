// `npm run up` is the first command a new developer types, and the one they repeat: the repeat
// must not reinstall. Driven for real in a scratch project whose build and start only print.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const UP = join(process.cwd(), 'scripts', 'up.mjs');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'which-tool-up-'));
  dirs.push(dir);
  const pkg = { name: 'up-probe', version: '1.0.0', private: true, scripts: { build: 'node -e "console.log(\'BUILT\')"', start: 'node -e "console.log(\'STARTED\')"' } };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'up-probe', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'up-probe', version: '1.0.0' } } }));
  return dir;
}

const up = (dir: string) => spawnSync(process.execPath, [UP], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, npm_config_update_notifier: 'false' } });

describe('npm run up', () => {
  it('is what package.json runs', () => {
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.up).toBe('node scripts/up.mjs');
  });

  it('installs the first time, skips the install while the lock file is unchanged, installs again when it changes', () => {
    const dir = project();
    const first = up(dir);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).not.toMatch(/skipping npm ci/);
    expect(first.stdout).toMatch(/BUILT[\s\S]*STARTED/);
    expect(existsSync(join(dir, 'node_modules', '.which-tool-lock'))).toBe(true);

    const again = up(dir);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/skipping npm ci/);
    expect(again.stdout).toMatch(/BUILT[\s\S]*STARTED/);

    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ ...lock, version: '1.0.1' }));
    expect(up(dir).stderr).not.toMatch(/skipping npm ci/);
  });

  it('stops at a failed step with its exit code and starts nothing', () => {
    const dir = project();
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, scripts: { ...pkg.scripts, build: 'node -e "process.exit(3)"' } }));
    const r = up(dir);
    expect(r.status).toBe(3);
    expect(r.stdout).not.toMatch(/STARTED/);
  });
});
