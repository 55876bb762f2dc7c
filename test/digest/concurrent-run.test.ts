// Two `which-tool digest run` processes at once on one SQLite file and one Slack stand-in:
// every channel gets exactly one digest, because each delivery row is claimed before sending.
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDigestCommand } from '../../src/cli/digest.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { silentLogger } from '../../src/log/logger.js';
import { CLI, ensureBuilt, ROOT } from './built-cli.js';
import { perChannel, slackStandIn, tempDbPath } from './stand-ins.js';

beforeAll(() => ensureBuilt(), 120_000);

function runProcess(env: Record<string, string>, at: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'digest', 'run', '--at', at], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (err += c));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('two concurrent digest run processes', () => {
  it('send each subscription exactly once between them', async () => {
    const api = await slackStandIn();
    // A slow stand-in keeps both processes sending at the same time.
    api.delayMs = 40;
    const db = tempDbPath();
    const env = { WHICH_TOOL_DB: db, SLACK_SIGNING_SECRET: 'secret', SLACK_BOT_TOKEN: 'xoxb-concurrent', SLACK_API_URL: api.url };
    const store = openSqliteStore({ path: db, logRequestText: false, retentionDays: 90, log: silentLogger() });
    store.db.transaction(() => {
      for (let i = 0; i < 300; i++)
        void store.digest.upsertSubscription({ platform: 'slack', workspace: `T${i % 60}`, channel: `C${String(i).padStart(5, '0')}`, schedule: '0 9 * * 1', timeZone: 'Europe/Berlin' }, new Date('2026-11-01T00:00:00Z'));
    })();
    store.close();

    const [a, b] = await Promise.all([runProcess(env, '2026-12-07T08:00:30Z'), runProcess(env, '2026-12-07T08:00:30Z')]);
    await api.close();
    expect(a.err).toBe('');
    expect(b.err).toBe('');
    expect([a.code, b.code]).toEqual([0, 0]);
    const sent = (r: { out: string }): number => Number(/(\d+) sent/.exec(r.out)![1]);
    expect(sent(a) + sent(b)).toBe(300);
    const counts = perChannel(api.accepted);
    expect(counts.size).toBe(300);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // Both really ran at once (each sent some), so the claim was what kept them apart.
    expect(Math.min(sent(a), sent(b)), `${a.out} / ${b.out}`).toBeGreaterThan(0);

    // And a third run for the same period, through the same code path, sends nothing.
    const out: string[] = [];
    expect(await runDigestCommand(['run', '--at', '2026-12-07T08:00:30Z'], { out: (s) => out.push(s), err: () => undefined }, { env })).toBe(0);
    expect(out[0]).toContain('0 sent');
  }, 90_000);
});
