// Finding 3 (medium): one signed Slack request whose body parses to null (JSON `null`, or a form
// with `payload=null`) threw inside Bolt 5.1's receiver as an unhandled rejection, and Node
// exited. Now the gate checks the body's shape before Bolt sees it (400), and the process logs
// any unhandled rejection and serves on (docs/upstream/bolt-null-body.md reports Bolt's bug).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../digest/built-cli.js';
import { SECRETS } from '../ship/fixture.js';
import { slashCommand } from '../slack/helpers/payloads.js';
import { postToSlackRoute } from '../slack/helpers/signed.js';
import { SlackStandIn } from '../slack/helpers/stand-in.js';
import { baseEnv, pause, records, scratch, serve } from './support.js';

const db = scratch();
beforeAll(() => ensureBuilt(), 120_000);

describe('a signed Slack body that parses to null', () => {
  it('gets 400, and the server lives on and answers the next request', async () => {
    const slack = await new SlackStandIn().start();
    const server = await serve({ ...baseEnv(db()), HOST: '127.0.0.1', SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: slack.apiUrl, WHICH_TOOL_RATE_LIMIT: '0' });
    try {
      const signed = { secret: SECRETS.SLACK_SIGNING_SECRET };
      for (const p of [
        { body: 'null', contentType: 'application/json' as const },
        { body: 'payload=null', contentType: 'application/x-www-form-urlencoded' as const },
        { body: 'payload=%5B1%2C2%5D', contentType: 'application/x-www-form-urlencoded' as const },
        { body: '"a string"', contentType: 'application/json' as const },
      ]) {
        const res = await postToSlackRoute(server.url, { ...p, ...signed });
        expect(res.status, p.body).toBe(400);
        expect(res.text).not.toMatch(/\.js|TypeError|stack/);
      }
      await pause(300);
      expect(server.child.exitCode).toBeNull();
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const answer = await postToSlackRoute(server.url, { ...slashCommand('a catchy jingle for a radio ad', slack.responseUrl('after')), ...signed });
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.json)).toMatch(/audio|jingle/i);
      expect(records(server.output()).filter((r) => r.level === 60)).toEqual([]);
    } finally {
      await server.stop();
      await slack.stop();
    }
  });
});

describe('the crash guard of the server process', () => {
  it('logs a promise rejected with nobody listening and keeps serving', async () => {
    // The guard as main.ts installs it, in a process where a library rejects with no handler.
    const script = `
      import { createLogger } from ${JSON.stringify(join(ROOT, 'dist/src/log/logger.js'))};
      import { installCrashGuard } from ${JSON.stringify(join(ROOT, 'dist/src/server/crash-guard.js'))};
      installCrashGuard(createLogger('info'), () => process.exit(3));
      Promise.reject(new TypeError("Cannot read properties of null (reading 'ssl_check')"));
      setTimeout(() => { console.log('still serving'); process.exit(0); }, 300);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => void (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => void (out += d.toString()));
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(0);
    expect(out).toContain('still serving');
    const line = records(out).find((r) => r.msg === 'unhandled promise rejection; serving on')!;
    expect(line).toMatchObject({ level: 50, err: { name: 'TypeError' } });
    expect(JSON.stringify(line)).not.toContain('    at ');
  });
});
