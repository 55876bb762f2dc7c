// `which-tool store migrate`, as an operator runs it (the built command, a real SQLite file, a
// real Postgres): every record a single server kept is there after the move, read back through
// the Postgres store exactly as the SQLite store read it, sealed Slack tokens included; ids go on
// after the moved ones; a database that already holds records is refused and left as it was.
import { beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { sqliteAsStore } from '../../src/store/open.js';
import { openPostgresStore } from '../../src/store/pg/open.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { ensureBuilt } from '../digest/built-cli.js';
import { tempDbPath } from '../digest/stand-ins.js';
import { freshDatabase, query } from '../helpers/postgres.js';
import { replicaEnv, whichTool } from '../replicas/processes.js';
import { installation, orgInstallation } from './installations.js';

beforeAll(() => ensureBuilt(), 120_000);

const KEY = Buffer.alloc(32, 5);
const T = (m: number): Date => new Date(Date.UTC(2026, 10, 30, 12, m));

async function seed(store: Store): Promise<void> {
  const a = await store.digest.upsertSubscription({ platform: 'slack', workspace: 'T1', enterprise: 'E1', channel: 'C1', schedule: '0 9 * * 1', timeZone: 'Europe/Berlin' }, T(0));
  const b = await store.digest.upsertSubscription({ platform: 'teams', workspace: 'tn', channel: '19:x@thread.tacv2', schedule: '30 8 * * *', timeZone: 'UTC' }, T(1));
  await store.digest.pauseSubscription(b.id, 'is_archived');
  await store.digest.claimDelivery(a.id, T(2), { id: 'h:1:x', leaseUntil: () => 0, isStale: () => false });
  await store.digest.finishDelivery(a.id, T(2), 'sent', null, 'cat-v1');
  await store.digest.skipDelivery(a.id, T(3), 'missed');
  await store.digest.saveCatalogSnapshot({ version: 'cat-v1', tools: ['A', 'B'], useCases: ['u'] });
  for (let i = 0; i < 1_500; i++)
    store.surface.logRequest({ at: T(i % 50), surface: 'slack', workspace: 'T1', channel: i % 2 ? 'C1' : '19:x@thread.tacv2;messageid=1', category: 'image', industry: null, confidence: 0.5, volume: null, matched: true, useCase: null, text: `q${i}` });
  store.surface.logRequest({ at: T(4), surface: 'teams', workspace: 'tn', category: 'image', industry: null, confidence: 0.5, volume: null, matched: true,
    policy: { unapproved: { category: 'image', best: 'review' }, named: [{ name: 'Midjourney v6', status: 'review' }], data: ['health'] } });
  store.surface.recordAccessRequest({ at: T(4), surface: 'teams', workspace: 'tn', subject: 'Midjourney v6' });
  store.surface.recordFeedback({ at: T(5), surface: 'slack', workspace: 'T1', channel: 'C1', category: 'image', helpful: true, catalogVersion: 'cat-v1' });
  store.surface.addHistory('hash-a', { at: T(6), text: 'first' });
  store.surface.addHistory('hash-a', { at: T(7), text: 'second' });
  store.surface.conversationRefs.save({ conversationId: '19:x@thread.tacv2', tenantId: 'tn', scope: 'channel', reference: { serviceUrl: 'https://smba.example/' }, updatedAt: T(8), authenticated: true });
  await store.installations.save(installation('T1', { botRefreshToken: 'xoxe-1-refresh', botExpiresAt: 1_900_000_000 }));
  await store.installations.save(orgInstallation('E1'));
  await store.flush();
}

/** Everything a store reads back, in the order it lists it. */
async function readAll(store: Store): Promise<unknown> {
  const subs = await store.digest.listSubscriptions();
  return {
    subs,
    deliveries: await store.digest.listDeliveries(),
    requests: await store.digest.requestsIn('19:x@thread.tacv2', new Date(0), new Date('2030-01-01')),
    requestsC1: (await store.digest.requestsIn('C1', new Date(0), new Date('2030-01-01'))).length,
    feedback: await store.digest.feedbackIn('C1', new Date(0), new Date('2030-01-01')),
    snapshot: await store.digest.getCatalogSnapshot('cat-v1'),
    history: await store.surface.recentHistory('hash-a', 5),
    policy: await store.policy.policyCounts(new Date(0), new Date('2030-01-01')),
    refs: await store.surface.conversationRefs.list(),
    installations: await store.installations.list(),
    t1: await store.installations.find({ teamId: 'T1' }),
    grid: await store.installations.find({ teamId: 'T9', enterpriseId: 'E1' }),
  };
}

describe('which-tool store migrate', () => {
  it('moves every record of a SQLite deployment into an empty Postgres database, and refuses a second time', async () => {
    const path = tempDbPath();
    const sqlite = sqliteAsStore(openSqliteStore({ path, logRequestText: true, retentionDays: 90, log: silentLogger(), secretKeys: { current: KEY } }));
    await seed(sqlite);
    const before = await readAll(sqlite);
    await sqlite.close();
    const url = await freshDatabase('move');

    // --to from DATABASE_URL, as the deployment guide runs it.
    const moved = await whichTool(['store', 'migrate', '--from', `sqlite:${path}`], replicaEnv(url)).done;
    expect(moved.code, moved.out).toBe(0);
    expect(moved.out).toContain('request_log: 1501');
    expect(moved.out).toContain('policy_log: 4');
    expect(moved.out).toContain('slack_installations: 2');
    expect(moved.out).not.toContain(new URL(url).password);

    const pg = await openPostgresStore({ url, logRequestText: true, retentionDays: 90, log: silentLogger(), secretKeys: { current: KEY } });
    try {
      expect(await readAll(pg)).toEqual(before);
      // New rows get ids after the moved ones.
      pg.surface.logRequest({ at: T(9), surface: 'cli', workspace: '', category: null, industry: null, confidence: 0, volume: null, matched: false });
      pg.surface.recordAccessRequest({ at: T(9), surface: 'cli', workspace: '', subject: 'Cursor' });
      await pg.flush();
      expect(await query(url, 'SELECT MAX(id)::int AS id FROM request_log')).toEqual([{ id: 1502 }]);
      expect(await query(url, 'SELECT MAX(id)::int AS id FROM policy_log')).toEqual([{ id: 5 }]);
    } finally {
      await pg.close();
    }

    const again = await whichTool(['store', 'migrate', '--from', `sqlite:${path}`, '--to', url], replicaEnv(url)).done;
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already has subscriptions rows.*nothing was moved/);
    expect(await query(url, 'SELECT COUNT(*)::int AS n FROM request_log')).toEqual([{ n: 1502 }]);
  }, 30_000);

  it('says what is wrong, and moves nothing, for a missing file or a missing target', async () => {
    const missing = await whichTool(['store', 'migrate', '--from', 'sqlite:/nonexistent/which-tool.db', '--to', 'postgres://u:p@127.0.0.1:9/x'], replicaEnv('')).done;
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('no SQLite file at /nonexistent/which-tool.db');
    const env = { ...replicaEnv(''), DATABASE_URL: '' };
    const noTarget = await whichTool(['store', 'migrate', '--from', `sqlite:${tempDbPath()}`], env).done;
    expect(noTarget.code).toBe(2);
    expect(noTarget.out).toContain('needs --from sqlite:PATH and --to postgres://');
  });
});
