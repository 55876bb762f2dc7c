// Three built servers on one Postgres database, each running its own digest scheduler (no
// external scheduler): a digest that falls due while they run goes out exactly once per channel,
// whichever replica's tick claims it first. The ticks come every second here
// (WHICH_TOOL_SCHEDULER_TICK_SECONDS) so the test need not wait for the top of a minute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { openPostgresStore } from '../../src/store/pg/open.js';
import { ensureBuilt } from '../digest/built-cli.js';
import { perChannel, slackStandIn, type StandIn } from '../digest/stand-ins.js';
import type { ServerProcess } from '../ship/server-process.js';
import { freshDatabase, query } from '../helpers/postgres.js';
import { replicaEnv, startReplica, stopReplica, waitFor } from './processes.js';

const CHANNELS = 30;
let db: string;
let api: StandIn;
let replicas: ServerProcess[] = [];

beforeAll(async () => {
  ensureBuilt();
  api = await slackStandIn();
  api.delayMs = 20;
  db = await freshDatabase('schedulers');
  const env = replicaEnv(db, {
    SLACK_SIGNING_SECRET: 'secret', SLACK_BOT_TOKEN: 'xoxb-replicas', SLACK_API_URL: api.url, SLACK_BOT_ID: 'B0BOT', SLACK_BOT_USER_ID: 'U0BOT',
    WHICH_TOOL_SCHEDULER: 'on', WHICH_TOOL_SCHEDULER_TICK_SECONDS: '1',
  });
  replicas = await Promise.all([1, 2, 3].map(() => startReplica(env)));
}, 60_000);

afterAll(async () => {
  await Promise.all(replicas.map(stopReplica));
  await api.close();
});

describe("replicas' own schedulers", () => {
  it('send a digest that falls due while they run exactly once per channel', async () => {
    // Due at the start of this minute (UTC), and only then: a schedule for this one minute of the
    // year, subscribed just before it. The replicas' start-up runs found nothing due.
    const now = new Date();
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    const schedule = `${minute.getUTCMinutes()} ${minute.getUTCHours()} ${minute.getUTCDate()} ${minute.getUTCMonth() + 1} *`;
    expect(api.accepted).toHaveLength(0);
    const store = await openPostgresStore({ url: db, logRequestText: false, retentionDays: 90, log: silentLogger() });
    for (let i = 0; i < CHANNELS; i++)
      await store.digest.upsertSubscription({ platform: 'slack', workspace: 'T1', channel: `C${String(i).padStart(4, '0')}`, schedule, timeZone: 'UTC' }, new Date(minute.getTime() - 1_000));
    await store.close();

    await waitFor('every channel’s digest', () => api.accepted.length, (n) => n >= CHANNELS, 15_000);
    // Two more ticks of every replica: nothing more goes out.
    await new Promise((r) => setTimeout(r, 2_500));
    const counts = perChannel(api.accepted);
    expect(counts.size).toBe(CHANNELS);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const sent = await query<{ n: number }>(db, "SELECT COUNT(*)::int AS n FROM deliveries WHERE status = 'sent' AND period_at = $1", [minute.getTime()]);
    expect(sent).toEqual([{ n: CHANNELS }]);
    // The replicas' own runs sent them (usually split between all three): their reports add up.
    const reported = replicas.map((r) => [...r.output().matchAll(/"sent":(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0));
    expect(reported.reduce((a, b) => a + b, 0)).toBe(CHANNELS);
  }, 30_000);
});
