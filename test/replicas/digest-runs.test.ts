// `which-tool digest run` beside others on one Postgres database: three runs at once, one of
// them killed (SIGKILL) in the middle of its fan-out, then one more run a minute later. Every
// channel ends with exactly one digest: the runs split the channels between them by claiming
// each delivery row, the killed run's claims are taken over (its database session, and with it
// its presence lock, died with it), and a message Slack accepted before the kill is recognised
// by its metadata in the channel's history instead of being sent again.
import { beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { openPostgresStore } from '../../src/store/pg/open.js';
import { ensureBuilt } from '../digest/built-cli.js';
import { perChannel, slackStandIn } from '../digest/stand-ins.js';
import { freshDatabase, query } from '../helpers/postgres.js';
import { replicaEnv, waitFor, whichTool } from './processes.js';

beforeAll(() => ensureBuilt(), 120_000);

const CHANNELS = 120;
const AT = new Date('2026-12-07T08:03:00Z');

describe('digest run processes sharing one Postgres database', () => {
  it('three at once, one killed mid-run, one more a minute later: every channel has exactly one digest', async () => {
    const db = await freshDatabase('runs');
    const seed = await openPostgresStore({ url: db, logRequestText: false, retentionDays: 90, log: silentLogger() });
    await Promise.all(
      Array.from({ length: CHANNELS }, (_, i) =>
        seed.digest.upsertSubscription({ platform: 'slack', workspace: `T${i % 12}`, channel: `C${String(i).padStart(5, '0')}`, schedule: '0 9 * * 1', timeZone: 'Europe/Berlin' }, new Date('2026-11-01T00:00:00Z')),
      ),
    );
    await seed.close();
    const api = await slackStandIn();
    // Slow enough that the three runs overlap and each holds claims when one is killed.
    api.delayMs = 40;
    // Each run with its own token, so the stand-in knows which one sent a message.
    const run = (at: Date, token: string) =>
      whichTool(['digest', 'run', '--at', at.toISOString()], replicaEnv(db, { SLACK_SIGNING_SECRET: 'secret', SLACK_BOT_TOKEN: token, SLACK_API_URL: api.url }));

    // A starting gate: nothing is answered until all three are sending, however unevenly a busy
    // machine starts them, so the kill lands while all three are at work.
    let open = (): void => undefined;
    api.hold = new Promise((resolve) => (open = resolve));
    const runs = [run(AT, 'xoxb-victim'), run(AT, 'xoxb-second'), run(AT, 'xoxb-third')];
    await waitFor('all three runs sending', () => api.seen.size, (n) => n === 3, 30_000);
    api.hold = null;
    open();
    const victim = runs[0]!;
    let victimSent = 0;
    api.inject = (_channel, _attempt, _n, authorization) => {
      if (authorization !== 'Bearer xoxb-victim' || ++victimSent !== 10) return undefined;
      victim.child.kill('SIGKILL');
      // Accepted by Slack, never answered: the message in flight when its sender died.
      return { status: 0 };
    };
    const [killed, ...others] = await Promise.all(runs.map((r) => r.done));
    expect(killed!.signal).toBe('SIGKILL');
    for (const o of others) expect(o.code, o.out).toBe(0);

    api.inject = () => undefined;
    const later = await run(new Date(AT.getTime() + 60_000), 'xoxb-later').done;
    await api.close();
    expect(later.code, later.out).toBe(0);

    const counts = perChannel(api.accepted);
    expect(counts.size).toBe(CHANNELS);
    expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    // Claims the killed run held were taken over, each checked against the channel's history first.
    expect(api.historyCalls).toBeGreaterThan(0);
    // This week's period: sent once per channel, no claim left behind (older weeks were skipped as missed).
    const rows = await query<{ status: string; n: number }>(db, 'SELECT status, COUNT(*)::int AS n FROM deliveries WHERE period_at = $1 GROUP BY status', [Date.parse('2026-12-07T08:00:00Z')]);
    expect(rows).toEqual([{ status: 'sent', n: CHANNELS }]);
    expect(await query(db, "SELECT 1 FROM deliveries WHERE status = 'claimed'")).toEqual([]);
  }, 60_000);
});
