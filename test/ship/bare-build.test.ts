// The Docker build, replayed bare (no Docker engine here): a fresh copy of what the
// Dockerfile copies, `npm ci` + `npm run build` in the build stage, `npm ci --omit=dev` in a
// separate stage, then the runtime stage's files, started with its CMD and probed with its
// HEALTHCHECK. Slow (better-sqlite3 compiles from source, ~1.5 min on 2 cores).
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
}, 420_000);

// Removing two replayed node_modules trees (~50,000 files) took over the default 60 s hook
// timeout on a loaded machine, failing a run whose every test had passed.
afterAll(() => {
  server?.child.kill('SIGKILL');
  rmSync(base, { recursive: true, force: true });
}, 240_000);

describe('the Dockerfile, replayed without Docker', () => {
  it('skips only system steps (apt-get, image directories); every npm step ran', () => {
    const skipped = [...done.values()].flatMap((s) => s.skipped);
    expect(skipped.length).toBeGreaterThan(0);
    for (const step of skipped) expect(step).toMatch(/^(apt-get|mkdir|chown)\b/);
  });

  it('ships production dependencies only, with the native SQLite module built', () => {
    const modules = join(runtime.workdir, 'node_modules');
    expect(existsSync(join(modules, 'pino'))).toBe(true);
    for (const dev of ['typescript', 'vitest', 'eslint', 'autocannon']) expect(existsSync(join(modules, dev)), dev).toBe(false);
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
