// The server (not only `which-tool digest run`, see test/digest/crash-restart.test.ts) is
// SIGKILLed in the middle of a digest fan-out, with messages in flight that Slack accepts
// after the process died. After a restart, every channel has exactly one digest.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { ensureBuilt, ROOT } from '../digest/built-cli.js';
import { perChannel, slackStandIn, tempDbPath } from '../digest/stand-ins.js';
import { SECRETS } from './fixture.js';
import { startServerProcess } from './server-process.js';

const MAIN = join(ROOT, 'dist', 'src', 'server', 'main.js');
const CHANNELS = ['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08'];

beforeAll(() => ensureBuilt(), 120_000);

describe('SIGKILL during a digest run', () => {
  it('sends no duplicate and loses no digest after the restart', async () => {
    const api = await slackStandIn();
    api.delayMs = 400;
    const db = tempDbPath();
    const due = new Date(Date.now() - 120_000);
    const seed = openSqliteStore({ path: db, logRequestText: false, retentionDays: 90, log: silentLogger() });
    for (const channel of CHANNELS)
      await seed.digest.upsertSubscription(
        { platform: 'slack', workspace: 'T0TEAM1', channel, schedule: `${due.getUTCMinutes()} ${due.getUTCHours()} * * *`, timeZone: 'UTC' },
        new Date(Date.now() - 86_400_000 / 2),
      );
    seed.close();
    const env = {
      PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', WHICH_TOOL_DB: db,
      SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: api.url,
    };
    try {
      const first = await startServerProcess(MAIN, ROOT, env);
      // The start-up catch-up run begins at once; kill it with some messages sent, some in flight.
      while (api.requests < 2) await new Promise((r) => setTimeout(r, 5));
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      const atKill = api.accepted.length;
      await new Promise((r) => setTimeout(r, api.delayMs + 200)); // in-flight messages land
      expect(atKill).toBeLessThan(CHANNELS.length);
      // Slack took messages the dead process never recorded as sent: the restart must not resend them.
      expect(api.accepted.length).toBeGreaterThan(atKill);

      const second = await startServerProcess(MAIN, ROOT, env);
      const deadline = Date.now() + 60_000;
      while (perChannel(api.accepted).size < CHANNELS.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 1_000)); // a duplicate, if any, would arrive now
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      expect(perChannel(api.accepted)).toEqual(new Map(CHANNELS.map((c) => [c, 1])));
    } finally {
      await api.close();
    }
  }, 120_000);
});
