// The newcomer's path: `npm start` with no credentials runs locally and says how to try it.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm start without credentials', () => {
  it('serves /healthz and prints how to try the CLI and the Playground and how to connect', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'which-tool-welcome-'));
    const env = { PATH: process.env.PATH ?? '', PORT: '0', WHICH_TOOL_DB: join(dir, 'db.sqlite'), WHICH_TOOL_SCHEDULER: 'off' };
    const child = spawn(process.execPath, [resolve('dist/src/server/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    try {
      const url = await new Promise<string>((ok, fail) => {
        // A limit for a server that never comes up, not a measure: a busy machine has needed over 10 s.
        const timer = setTimeout(() => fail(new Error(`no welcome within 25 s:\n${stderr}`)), 25_000);
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          const m = /running on (http:\/\/[\d.]+:\d+)/.exec(stderr);
          if (m && /Teams: set MICROSOFT_APP_ID/.test(stderr)) {
            clearTimeout(timer);
            ok(m[1]!);
          }
        });
      });
      expect(stderr).toContain('local mode');
      expect(stderr).toContain('npx which-tool ask');
      expect(stderr).toContain(`agentsplayground -e ${url}/api/messages -c msteams`);
      expect(stderr).toMatch(/Slack: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN/);
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      // stdout stays machine-readable: every line is a JSON log record.
      for (const line of stdout.trim().split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
    } finally {
      child.kill('SIGTERM');
    }
  });
});
