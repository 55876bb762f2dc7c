// Replays the Dockerfile's stages on this machine, without Docker: each stage gets its own
// directory as its filesystem root; COPY copies from the build context (this repository) or
// from another stage; `npm ci` installs by hard links and is checked against the lock file
// (linked-install.ts); `npm run build` runs for real unless the repository's own build is of
// exactly the stage's inputs (reused-build.ts); other npm RUN steps run for real; system steps
// (apt-get, mkdir/chown of image paths) and `npm cache clean` are recorded as skipped, since
// the toolchain is already here and the cache is this machine's.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { envPairs, repoRoot, type Stage } from './dockerfile.js';
import { linkedCi, parseNpmCi } from './linked-install.js';
import { reuseBuild } from './reused-build.js';

export interface ReplayedStage {
  readonly root: string;
  workdir: string;
  readonly env: Record<string, string>;
  readonly skipped: string[];
  /** `npm ci` steps, each installed and checked against the lock file. */
  readonly installed: { command: string; packages: number }[];
  /** `npm run build` steps whose output is the repository's own build of the same inputs (reused-build.ts). */
  readonly reused: string[];
}

/** What a clean image has: no NODE_ENV=test from the runner, no developer secrets. */
export function cleanEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    // No registry round-trips: `npm ls` and `npm run build` need none.
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    ...(process.env.npm_config_cache ? { npm_config_cache: process.env.npm_config_cache } : {}),
  };
}

export function sh(command: string, cwd: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => void (err = (err + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`\`${command}\` exited ${code}: ${err}`))));
  });
}

/** Every stage, each as soon as the stages it copies from are done (as BuildKit does). */
export async function replayAll(all: readonly Stage[], base: string): Promise<Map<string, ReplayedStage>> {
  const running = new Map<string, Promise<ReplayedStage>>();
  const done = new Map<string, ReplayedStage>();
  for (const stage of all) {
    const needs = stage.steps.flatMap((s) => /--from=(\S+)/.exec(s.args)?.[1] ?? []);
    running.set(
      stage.name,
      Promise.all(needs.map((n) => running.get(n)!)).then(() => replayStage(stage, base, done)).then((r) => (done.set(stage.name, r), r)),
    );
  }
  await Promise.all(running.values());
  return done;
}

export async function replayStage(stage: Stage, base: string, done: ReadonlyMap<string, ReplayedStage>): Promise<ReplayedStage> {
  const root = join(base, stage.name);
  mkdirSync(root, { recursive: true });
  const s: ReplayedStage = { root, workdir: root, env: cleanEnv(), skipped: [], installed: [], reused: [] };
  const inRoot = (r: string, p: string): string => (isAbsolute(p) ? join(r, p) : join(s.workdir, p));
  for (const step of stage.steps) {
    if (step.keyword === 'WORKDIR') {
      s.workdir = inRoot(root, step.args);
      mkdirSync(s.workdir, { recursive: true });
    } else if (step.keyword === 'ENV') {
      for (const [k, v] of envPairs(step.args)) s.env[k] = v;
    } else if (step.keyword === 'COPY') {
      const parts = step.args.split(/\s+/);
      const from = parts.find((p) => p.startsWith('--from='))?.slice('--from='.length);
      const paths = parts.filter((p) => !p.startsWith('--'));
      const dest = paths.pop()!;
      for (const src of paths) {
        const source = from ? join(done.get(from)!.root, src) : join(repoRoot, src);
        const target = dest.endsWith('/') ? join(inRoot(root, dest), src.split('/').at(-1)!) : inRoot(root, dest);
        // The context's node_modules are .dockerignore'd; a stage's own are copied whole.
        const ignored = (p: string): boolean => !from && /\/node_modules(\/|$)/.test(p.slice(source.length));
        cpSync(source, target, { recursive: true, verbatimSymlinks: true, filter: (p) => !ignored(p) });
      }
    } else if (step.keyword === 'RUN') {
      for (const command of step.args.split('&&').map((c) => c.trim())) {
        const ci = parseNpmCi(command);
        if (ci) s.installed.push({ command, ...(await linkedCi(s.workdir, ci.omitDev, s.env)) });
        else if (command === 'npm run build' && reuseBuild(s.workdir)) s.reused.push(command);
        else if (/^npm\s/.test(command) && !/^npm cache\b/.test(command)) await sh(command, s.workdir, s.env);
        else s.skipped.push(command);
      }
    }
  }
  return s;
}
