// `npm ci` for the bare Docker replay, without downloading or compiling anything: the packages
// package-lock.json names (all of them, or the production ones for --omit=dev) are hard-linked
// from this repository's installed node_modules, and `npm ls` then checks that the tree is
// exactly what package.json and the lock file ask for. A real `npm ci` here took minutes (it
// compiles better-sqlite3 on 2 cores); the repository's own `npm ci` (the README's set-up, CI's
// first step) already shows that the lock file installs and the native module compiles.
import { spawn } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { repoRoot } from './dockerfile.js';

interface LockEntry {
  readonly dev?: boolean;
  readonly optional?: boolean;
}

/** Copies a package folder with hard links (no bytes copied), leaving out its nested node_modules. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, e.name);
    const dst = join(to, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') linkTree(src, dst);
    } else if (e.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
    else linkSync(src, dst);
  }
}

export function npmLs(cwd: string, omitDev: boolean, env: Record<string, string>): Promise<string> {
  return new Promise((resolveLs, reject) => {
    const child = spawn('npm', ['ls', '--all', ...(omitDev ? ['--omit=dev'] : [])], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => void (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => void (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolveLs(out) : reject(new Error(`npm ls in ${cwd} exited ${code}:\n${out.slice(-3000)}`))));
  });
}

/** Installs into `dir` (which holds the copied package.json and package-lock.json) as `npm ci` would. */
export async function linkedCi(dir: string, omitDev: boolean, env: Record<string, string>): Promise<{ packages: number }> {
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const installed = join(repoRoot, 'node_modules');
  let packages = 0;
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/') || (omitDev && entry.dev)) continue;
    const source = join(repoRoot, path);
    if (!existsSync(source)) {
      // Platform packages (another OS's binaries) are optional and absent here, as npm ci leaves them.
      if (entry.optional) continue;
      throw new Error(`${path} is in package-lock.json but not installed here: run npm ci first`);
    }
    linkTree(source, join(dir, path));
    packages++;
  }
  // The commands packages provide (tsc for `npm run build`), where their package came along.
  const bin = join(installed, '.bin');
  for (const name of existsSync(bin) ? readdirSync(bin) : []) {
    const link = join(bin, name);
    if (!lstatSync(link).isSymbolicLink()) continue;
    const target = resolve(bin, readlinkSync(link));
    const copied = join(dir, 'node_modules', relative(installed, target));
    if (!existsSync(copied)) continue;
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(relative(join(dir, 'node_modules', '.bin'), copied), join(dir, 'node_modules', '.bin', name));
  }
  await npmLs(dir, omitDev, env);
  return { packages };
}

/** Whether a RUN command is `npm ci …`, and with which flags. */
export function parseNpmCi(command: string): { omitDev: boolean } | null {
  const words = command.trim().split(/\s+/);
  if (words[0] !== 'npm' || words[1] !== 'ci') return null;
  return { omitDev: words.includes('--omit=dev') };
}

