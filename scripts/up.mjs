// `npm run up`: install (only when needed), build, start. The first run on a fresh machine takes
// minutes in `npm ci` (it compiles the SQLite driver); every later run should start in seconds,
// so the install is skipped when node_modules was installed from this very lock file.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const stamp = join(root, 'node_modules', '.which-tool-lock');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function lockDigest(dir = root) {
  return createHash('sha256').update(readFileSync(join(dir, 'package-lock.json'))).digest('hex');
}

/** True when node_modules holds an install made from the lock file as it is now. */
export function installIsCurrent(dir = root) {
  const file = join(dir, 'node_modules', '.which-tool-lock');
  return existsSync(file) && readFileSync(file, 'utf8').trim() === lockDigest(dir);
}

function run(args) {
  const r = spawnSync(npm, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (installIsCurrent()) {
    process.stderr.write('which-tool: node_modules matches package-lock.json; skipping npm ci (delete node_modules to force it)\n');
  } else {
    run(['ci', '--no-audit', '--no-fund']);
    // A project with no dependencies gets no node_modules from npm ci.
    mkdirSync(join(root, 'node_modules'), { recursive: true });
    writeFileSync(stamp, `${lockDigest()}\n`);
  }
  run(['run', 'build']);
  run(['start']);
}
