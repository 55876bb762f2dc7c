// A real crash: `which-tool digest run` is killed (SIGKILL) in the middle of a fan-out, after
// Slack accepted a message it never got to record. The next `digest run` takes the dead
// process's claims over at once, sees from the message metadata what already went out, and
// every channel ends with exactly one digest.
import { spawn, type ChildProcess } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { CLI, ensureBuilt, ROOT } from './built-cli.js';
import { perChannel, slackStandIn, tempDbPath } from './stand-ins.js';

beforeAll(() => ensureBuilt(), 120_000);

const AT = '2026-12-07T08:03:00Z';
function digestRun(env: Record<string, string>): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; out: string }> } {
  const child = spawn(process.execPath, [CLI, 'digest', 'run', '--at', AT], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c));
  child.stderr!.on('data', (c: Buffer) => (out += c));
  return { child, done: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out }))) };
}

describe('crash and restart of digest run', () => {
  it.each([
    ['with the history scope: nothing is sent twice', true],
    ['without it: messages in flight at the crash are sent again, nothing is lost', false],
  ])('%s', async (_name, historyScope) => {
    const api = await slackStandIn();
    api.historyScope = historyScope;
    const db = tempDbPath();
    const store = openSqliteStore({ path: db, logRequestText: false, retentionDays: 90, log: silentLogger() });
    store.db.transaction(() => {
      for (let i = 0; i < 150; i++)
        void store.digest.upsertSubscription({ platform: 'slack', workspace: `T${i % 15}`, channel: `C${String(i).padStart(5, '0')}`, schedule: '0 9 * * 1', timeZone: 'Europe/Berlin' }, new Date('2026-11-01T00:00:00Z'));
    })();
    store.close();
    const env = { WHICH_TOOL_DB: db, SLACK_SIGNING_SECRET: 'secret', SLACK_BOT_TOKEN: 'xoxb-crash', SLACK_API_URL: api.url };

    const first = digestRun(env);
    let killedAt = '';
    api.inject = (channel, _attempt, n) => {
      if (n !== 60) return undefined;
      killedAt = channel;
      first.child.kill('SIGKILL');
      return { status: 0 };
    };
    const crashed = await first.done;
    expect(crashed.signal).toBe('SIGKILL');
    const beforeRestart = api.accepted.length;
    expect(beforeRestart).toBeGreaterThanOrEqual(60);
    expect(beforeRestart).toBeLessThan(150);

    api.inject = () => undefined;
    const second = await digestRun(env).done;
    await api.close();
    expect(second.code, second.out).toBe(0);
    expect(api.historyCalls).toBeGreaterThan(0);
    const counts = perChannel(api.accepted);
    expect(counts.size).toBe(150);
    if (historyScope) for (const [channel, n] of counts) expect(n, channel).toBe(1);
    else {
      // Only messages in flight when the process died can repeat: at most one per sender slot.
      expect(counts.get(killedAt)).toBe(2);
      const repeated = [...counts.values()].filter((n) => n > 1);
      expect(repeated.every((n) => n === 2)).toBe(true);
      expect(repeated.length).toBeLessThanOrEqual(16);
    }
  }, 90_000);
});
