// The replay's shortcut for `npm run build` (reused-build.ts) takes the repository's build only
// for exactly the same inputs: one changed byte, or a missing file, and the build runs for real.
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../digest/built-cli.js';
import { repoRoot } from './dockerfile.js';
import { reuseBuild } from './reused-build.js';

beforeAll(() => ensureBuilt(), 120_000);

function stage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'which-tool-stage-'));
  for (const p of ['package.json', 'tsconfig.json', 'scripts/bin-executable.mjs', 'src', 'data']) cpSync(join(repoRoot, p), join(dir, p), { recursive: true });
  return dir;
}

describe('reusing the repository build in the Docker replay', () => {
  it('links dist/src for the same inputs, and only what the stage has sources for', () => {
    const dir = stage();
    expect(reuseBuild(dir)).toBe(true);
    expect(existsSync(join(dir, 'dist', 'src', 'server', 'main.js'))).toBe(true);
    expect(existsSync(join(dir, 'dist', 'bench'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses when a source differs or is missing', () => {
    const changed = stage();
    appendFileSync(join(changed, 'src', 'server', 'main.ts'), '\n// changed\n');
    expect(reuseBuild(changed)).toBe(false);
    const missing = stage();
    rmSync(join(missing, 'data'), { recursive: true });
    expect(reuseBuild(missing)).toBe(false);
    // Without the script `npm run build` runs after tsc, that build could not run in the stage.
    const noScript = stage();
    rmSync(join(noScript, 'scripts'), { recursive: true });
    expect(reuseBuild(noScript)).toBe(false);
    for (const d of [changed, missing, noScript]) rmSync(d, { recursive: true, force: true });
  });
});
