// `npm start` as an operator runs it: the built server in a real process. Configuration is
// checked once with one clear line naming the variable (never its value); Slack off is said
// once; an unreachable Slack neither crashes nor hangs start-up.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt } from '../digest/built-cli.js';
import { slashCommand } from './helpers/payloads.js';
import { SIGNING_SECRET, postToSlackRoute } from './helpers/signed.js';

const MAIN = join(ROOT, 'dist', 'src', 'server', 'main.js');
const TOKEN = 'xoxb-secret-token-value-123';
let dir: string;

beforeAll(() => {
  ensureBuilt();
  expect(existsSync(MAIN)).toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'which-tool-start-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const baseEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  PORT: '0',
  HOST: '127.0.0.1',
  WHICH_TOOL_DB: join(dir, `db-${Math.random().toString(36).slice(2)}.db`),
  WHICH_TOOL_SCHEDULER: 'off',
});

function startFails(env: Record<string, string>) {
  const r = spawnSync(process.execPath, [MAIN], { env: { ...baseEnv(), ...env }, encoding: 'utf8', timeout: 15_000 });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

interface Started {
  child: ChildProcess;
  url: string;
  logs: string[];
}

async function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [MAIN], { env: { ...baseEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    // A limit for a server that never comes up, not a measure: a busy machine has needed over 10 s.
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`no listening line in 25 s: ${logs.join('\n')}`))), 25_000);
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const line of lines) {
        logs.push(line);
        const m = /listening on (http:\/\/[^"\s]+)/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      }
    });
    child.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${logs.join('\n')}`)));
  });
  return { child, url, logs };
}

async function stop(s: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => s.child.once('exit', (code) => resolve(code)));
  s.child.kill('SIGTERM');
  return exited;
}

describe('npm start', () => {
  it('stops with one line naming a missing Slack variable, without printing secrets', () => {
    const r = startFails({ SLACK_SIGNING_SECRET: SIGNING_SECRET });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('SLACK_BOT_TOKEN');
    expect(r.stderr + r.stdout).not.toContain(SIGNING_SECRET);
  });

  it('stops with one line naming a malformed variable, not its value', () => {
    const r = startFails({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'not-a-bot-token-s3cr3t' });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('SLACK_BOT_TOKEN');
    expect(r.stderr + r.stdout).not.toContain('s3cr3t');
  });

  it('says once that Slack is off when its variables are unset, and mounts no Slack route', async () => {
    const s = await start({});
    try {
      expect(s.logs.filter((l) => l.includes('Slack is off'))).toHaveLength(1);
      const health = (await (await fetch(`${s.url}/healthz`)).json()) as { surfaces: string[] };
      expect(health.surfaces).not.toContain('slack');
      expect((await fetch(`${s.url}/slack/events`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(404);
    } finally {
      expect(await stop(s)).toBe(0);
    }
  });

  it('starts, answers and stops cleanly with Slack unreachable and no bot ids', async () => {
    const s = await start({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    try {
      const health = (await (await fetch(`${s.url}/healthz`)).json()) as { surfaces: string[] };
      expect(health.surfaces).toContain('slack');
      const res = await postToSlackRoute(s.url, slashCommand('a 15-second video ad for our app', 'http://127.0.0.1:9/response'));
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.json)).toMatch(/video/i);
    } finally {
      expect(await stop(s)).toBe(0);
    }
    const all = s.logs.join('\n');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
  });
});
