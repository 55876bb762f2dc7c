// The AI policy in the built server process (`npm start`), as its owners roll it out: a bad file
// refuses start-up with one line; SIGHUP puts a good new file in force from the next answer, and
// a bad one keeps the policy in force and says why in one log line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../digest/built-cli.js';
import { Connector, message, post } from '../teams/support.js';
import { runToExit, startServerProcess, type ServerProcess } from './server-process.js';

const MAIN = join(ROOT, 'dist', 'src', 'server', 'main.js');
const SHOTS = 'I need 300 product shots a month for the shop';
const dir = mkdtempSync(join(tmpdir(), 'which-tool-sighup-'));
const POLICY = join(dir, 'policy.json');
let connector: Connector;

beforeAll(async () => {
  ensureBuilt();
  connector = await new Connector().start();
}, 120_000);
afterAll(async () => {
  await connector.stop();
  rmSync(dir, { recursive: true, force: true });
});

const env = (name: string): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  PORT: '0',
  HOST: '127.0.0.1',
  WHICH_TOOL_DB: join(dir, `${name}.db`),
  WHICH_TOOL_SCHEDULER: 'off',
  WHICH_TOOL_POLICY: POLICY,
});
const write = (policy: unknown): void => writeFileSync(POLICY, typeof policy === 'string' ? policy : JSON.stringify(policy));

/** The card the running server answers `text` with, through Teams (local mode), as JSON text. */
async function answer(server: ServerProcess, text: string): Promise<string> {
  connector.clear();
  const res = await post(`${server.url}/api/messages`, message(connector.url, 'personal', text));
  expect(res.status).toBe(200);
  return JSON.stringify(connector.received[0]!.body.attachments![0]!.content);
}

async function logLine(server: ServerProcess, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const line = server.output().split('\n').find((l) => pattern.test(l));
    if (line) return line;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no log line matching ${pattern}:\n${server.output()}`);
}

describe('the AI policy in the server process', () => {
  it('refuses to start with a bad policy file, in one line naming the file, the JSON path and the reason', async () => {
    write({ name: 'Broken', tools: [{ name: 'Acme Helper', status: 'approved' }] });
    const { code, out } = await runToExit(process.execPath, [MAIN], ROOT, env('refused'));
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^which-tool: ${POLICY.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: tools\\[0\\]\\.name: "Acme Helper" is not a tool in the catalog`));
  });

  it('SIGHUP applies a good new file from the next answer, and keeps the policy in force when the new file is bad', async () => {
    write({ name: 'Policy A', unlisted: 'approved', tools: [{ name: 'Midjourney v6', status: 'prohibited' }] });
    const server = await startServerProcess(MAIN, ROOT, env('sighup'));
    try {
      await logLine(server, /AI policy in force from/);
      const a = await answer(server, SHOTS);
      expect(a).toContain('Policy A');
      expect(a).not.toContain('Midjourney v6');

      write({ name: 'Policy B', unlisted: 'approved', tools: [{ name: 'Adobe Firefly', status: 'prohibited' }] });
      server.child.kill('SIGHUP');
      await logLine(server, /AI policy reloaded from/);
      const b = await answer(server, SHOTS);
      expect(b).toContain('Policy B');
      expect(b).toContain('Midjourney v6');

      write({ name: 'Policy C', unlisted: 'approved', tools: [{ name: 'Midjourney v6', status: 'forbidden' }] });
      server.child.kill('SIGHUP');
      const refused = await logLine(server, /AI policy not reloaded/);
      const logged = JSON.parse(refused) as { level: number; msg: string };
      expect(logged.level).toBe(40);
      expect(logged.msg).toMatch(/the policy in force stays: .*policy\.json: tools\[0\]\.status: /);
      expect(refused).not.toMatch(/\bat .*\.js:\d+/);
      const c = await answer(server, SHOTS);
      expect(c).toContain('Policy B');
      expect(c).not.toContain('Policy C');
      // Still serving, and still stops cleanly.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });
});
