// The Dockerfile, linted with dockerfile-utils (no Docker engine here) and checked for what
// an operator relies on: multi-stage, production dependencies only at run time, non-root,
// a health check on /healthz, a volume for the SQLite file, no secrets built in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { envPairs, execForm, readDockerfile, repoRoot, stages } from './dockerfile.js';

const text = readDockerfile();
const all = stages(text);
const runtime = all.at(-1)!;
const stepsOf = (stage: { steps: { keyword: string; args: string }[] }, keyword: string): string[] =>
  stage.steps.filter((s) => s.keyword === keyword).map((s) => s.args);

describe('Dockerfile', () => {
  it('lints clean with dockerfile-utils', () => {
    expect(validate(text)).toEqual([]);
  });

  it('the linter does report a broken Dockerfile (so the check above can fail)', () => {
    const broken = 'FROM node:20-slim\nHEALTHCHECK CMD\nCMD ["node"]\nCMD ["node"]\nuser\n';
    expect(validate(broken).length).toBeGreaterThan(0);
  });

  it('builds in one stage with dev dependencies and runs on node:20-slim with production ones only', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(runtime.image).toBe('node:20-slim');
    const build = all.find((s) => stepsOf(s, 'RUN').some((r) => r.includes('npm run build')))!;
    expect(build).toBeDefined();
    expect(build).not.toBe(runtime);
    expect(stepsOf(build, 'RUN').some((r) => /npm ci(?!.*--omit=dev)/.test(r))).toBe(true);

    // node_modules at run time come from a stage that installed with --omit=dev, and the
    // runtime stage itself installs nothing (no toolchain, no dev dependencies).
    const copies = stepsOf(runtime, 'COPY');
    const modules = copies.find((c) => /node_modules/.test(c))!;
    const from = /--from=(\S+)/.exec(modules)?.[1];
    const depsStage = all.find((s) => s.name === from)!;
    expect(stepsOf(depsStage, 'RUN').some((r) => r.includes('npm ci --omit=dev'))).toBe(true);
    expect(stepsOf(runtime, 'RUN').join(' ')).not.toMatch(/npm (ci|install)|apt-get/);
    expect(copies.some((c) => c.includes(`--from=${build.name}`) && c.includes('dist'))).toBe(true);
  });

  it('runs as a non-root user with a /healthz health check and the server as PID 1', () => {
    const user = stepsOf(runtime, 'USER').at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    const health = stepsOf(runtime, 'HEALTHCHECK');
    expect(health).toHaveLength(1);
    expect(execForm(health[0]!).join(' ')).toContain('/healthz');
    expect(execForm(stepsOf(runtime, 'CMD')[0]!)).toEqual(['node', 'dist/src/server/main.js']);
  });

  it('keeps the SQLite file on a volume', () => {
    const env = new Map(stepsOf(runtime, 'ENV').flatMap(envPairs));
    const db = env.get('WHICH_TOOL_DB')!;
    expect(db).toMatch(/^\/.+\.db$/);
    const volumes = stepsOf(runtime, 'VOLUME').flatMap((v) => (v.startsWith('[') ? (JSON.parse(v) as string[]) : v.split(/\s+/)));
    expect(volumes.some((v) => db.startsWith(`${v.replace(/\/$/, '')}/`))).toBe(true);
  });

  it('bakes in no secrets: no ENV or ARG names a token, secret, password or key', () => {
    const names = all.flatMap((s) => [...stepsOf(s, 'ENV').flatMap(envPairs).map(([k]) => k), ...stepsOf(s, 'ARG').map((a) => a.split('=')[0]!)]);
    const globalArgs = text.split('\n').filter((l) => l.startsWith('ARG ')).map((l) => l.slice(4).split('=')[0]!);
    expect(names.length + globalArgs.length).toBeGreaterThan(0);
    expect([...names, ...globalArgs].filter((n) => /secret|token|password|key|credential/i.test(n))).toEqual([]);
    expect(text).not.toMatch(/xox[bpa]-|SLACK_SIGNING_SECRET=|MICROSOFT_APP_PASSWORD=/);
  });

  it('has a .dockerignore that keeps local secrets, databases and node_modules out of the build context', () => {
    const ignore = readFileSync(join(repoRoot, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    for (const pattern of ['.env', '.env.*', '*.db', '**/node_modules', '.git', 'var', 'dist']) expect(ignore).toContain(pattern);
  });
});
