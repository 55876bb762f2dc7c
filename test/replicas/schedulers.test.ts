// Three built servers on one Postgres database, each running its own digest scheduler (no
// external scheduler), and a `which-tool digest run` started beside them at the same moment: a
// digest that falls due while they run goes out exactly once per channel, whichever claims it first. The ticks come every second here
// (WHICH_TOOL_SCHEDULER_TICK_SECONDS) so the test need not wait for the top of a minute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { openPostgresStore } from '../../src/store/pg/open.js';
import { ensureBuilt } from '../digest/built-cli.js';
import { perChannel, slackStandIn, type StandIn } from '../digest/stand-ins.js';
import type { ServerProcess } from '../ship/server-process.js';
import { freshDatabase, query } from '../helpers/postgres.js';
import { replicaEnv, startReplicas, stopReplica, waitFor, whichTool } from './processes.js';

const CHANNELS = 30;
let db: string;
let api: StandIn;
let slackEnv: Record<string, string>;
let replicas: ServerProcess[] = [];

beforeAll(async () => {
  ensureBuilt();
  api = await slackStandIn();
  api.delayMs = 20;
  db = await freshDatabase('schedulers');
  slackEnv = { SLACK_SIGNING_SECRET: 'secret', SLACK_BOT_TOKEN: 'xoxb-replicas', SLACK_API_URL: api.url, SLACK_BOT_ID: 'B0BOT', SLACK_BOT_USER_ID: 'U0BOT' };
  const env = replicaEnv(db, { ...slackEnv, WHICH_TOOL_SCHEDULER: 'on', WHICH_TOOL_SCHEDULER_TICK_SECONDS: '1' });
  replicas = await startReplicas(3, env);
}, 60_000);

afterAll(async () => {
  await Promise.all(replicas.map(stopReplica));
  await api.close();
});

/** Subscribes `channels` to a schedule for this one minute of the year (UTC), set just before it:
 * due now, and never again during the test. The replicas' start-up runs found nothing due. */
async function dueNow(channels: string[]): Promise<Date> {
  const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const schedule = `${minute.getUTCMinutes()} ${minute.getUTCHours()} ${minute.getUTCDate()} ${minute.getUTCMonth() + 1} *`;
  const store = await openPostgresStore({ url: db, logRequestText: false, retentionDays: 90, log: silentLogger() });
  for (const channel of channels) await store.digest.upsertSubscription({ platform: 'slack', workspace: 'T1', channel, schedule, timeZone: 'UTC' }, new Date(minute.getTime() - 1_000));
  await store.close();
  return minute;
}

const sentByReplicas = (): number => replicas.reduce((sum, r) => sum + [...r.output().matchAll(/"sent":(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0), 0);
const channels = (prefix: string): string[] => Array.from({ length: CHANNELS }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);

describe("replicas' own schedulers", () => {
  it('send a digest that falls due while they run exactly once per channel', async () => {
    expect(api.accepted).toHaveLength(0);
    const minute = await dueNow(channels('CA'));
    await waitFor('every channel’s digest', () => api.accepted.length, (n) => n >= CHANNELS, 15_000);
    // Two more ticks of every replica: nothing more goes out.
    await new Promise((r) => setTimeout(r, 2_500));
    const counts = perChannel(api.accepted);
    expect(counts.size).toBe(CHANNELS);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const sent = await query<{ n: number }>(db, "SELECT COUNT(*)::int AS n FROM deliveries WHERE status = 'sent' AND period_at = $1", [minute.getTime()]);
    expect(sent).toEqual([{ n: CHANNELS }]);
    // The replicas' own runs sent them (usually split between all three): their reports add up.
    expect(sentByReplicas()).toBe(CHANNELS);
  }, 30_000);

  it('and `which-tool digest run` started beside them at the same moment sends nothing twice', async () => {
    const before = api.accepted.length;
    await dueNow(channels('CB'));
    const cli = await whichTool(['digest', 'run'], replicaEnv(db, slackEnv)).done;
    expect(cli.code, cli.out).toBe(0);
    await waitFor('every channel’s digest', () => api.accepted.length - before, (n) => n >= CHANNELS, 15_000);
    await new Promise((r) => setTimeout(r, 2_500));
    const counts = perChannel(api.accepted.slice(before));
    expect(counts.size).toBe(CHANNELS);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // Whoever claimed each first sent it: the command's report and the replicas' add up.
    expect(sentByReplicas() - CHANNELS + Number(/: (\d+) sent/.exec(cli.out)?.[1])).toBe(CHANNELS);
  }, 30_000);
});
