// What only the Postgres store has to show: replicas migrating one empty database at once, claims
// raced by several stores, a claim taken over the moment its owner's process (its database
// session) is gone on another host, and the database going away and coming back on the wire.
import { afterEach, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger, silentLogger } from '../../src/log/logger.js';
import { registry, watchStore } from '../../src/metrics/registry.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { createPool } from '../../src/store/pg/connect.js';
import { migratePostgres } from '../../src/store/pg/migrate.js';
import { PG_MIGRATIONS } from '../../src/store/pg/migrations.js';
import { openPostgresStore } from '../../src/store/pg/open.js';
import type { ClaimOwner } from '../../src/store/digest-types.js';
import type { Store } from '../../src/store/store.js';
import { freshDatabase, query } from '../helpers/postgres.js';
import { tcpGate, type TcpGate } from '../helpers/tcp-gate.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const open = async (url: string, log = silentLogger()): Promise<Store> => {
  const s = await openPostgresStore({ url, logRequestText: false, retentionDays: 90, log, retryMs: 50 });
  cleanup.push(() => s.close());
  return s;
};
/** A claim owner on another host: only the database can tell whether it is alive. */
const remote = (id: string): ClaimOwner => ({ id: `host-${id}:1:${id}`, leaseUntil: () => Date.now() + 15 * 60_000, isStale: (_o, until) => Date.now() > until });
const weekly = (channel: string) => ({ platform: 'slack' as const, workspace: 'T1', channel, schedule: '0 9 * * 1', timeZone: 'UTC' });
const PERIOD = new Date('2026-12-07T09:00:00Z');

function capture(): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, log: createLogger('info', new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) })) };
}

describe('Postgres store', () => {
  it('has a twin for every SQLite migration, under the same number', () => {
    expect(PG_MIGRATIONS.map((m) => [m.version, m.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
  });

  it('applies the schema once when several replicas start on an empty database at once', async () => {
    const url = await freshDatabase('migrate');
    const pools = Array.from({ length: 6 }, () => createPool(url));
    cleanup.push(() => Promise.all(pools.map((p) => p.end())));
    const versions = await Promise.all(pools.map((p) => migratePostgres(p)));
    expect(versions).toEqual(pools.map(() => PG_MIGRATIONS.at(-1)!.version));
    expect(await query(url, 'SELECT version FROM schema_migrations ORDER BY version')).toEqual(PG_MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it('lets each of several racing stores claim a delivery, every delivery exactly once', async () => {
    const url = await freshDatabase('race');
    const stores = await Promise.all([1, 2, 3, 4].map(() => open(url)));
    const subs = await Promise.all(Array.from({ length: 40 }, (_, i) => stores[0]!.digest.upsertSubscription(weekly(`C${i}`), new Date('2026-11-01T00:00:00Z'))));
    const won = await Promise.all(
      stores.map(async (s, i) => {
        let n = 0;
        for (const sub of subs) if ((await s.digest.claimDelivery(sub.id, PERIOD, remote(`r${i}`))) !== null) n++;
        return n;
      }),
    );
    expect(won.reduce((a, b) => a + b, 0)).toBe(subs.length);
    expect(await query(url, "SELECT COUNT(*)::int AS n FROM deliveries WHERE status = 'claimed'")).toEqual([{ n: 40 }]);
  });

  it("takes a claim over as soon as its owner's process is gone, on another host, without waiting for the lease", async () => {
    const url = await freshDatabase('presence');
    const a = await openPostgresStore({ url, logRequestText: false, retentionDays: 90, log: silentLogger() });
    const b = await open(url);
    const sub = await b.digest.upsertSubscription(weekly('C1'), new Date('2026-11-01T00:00:00Z'));
    expect(await a.digest.claimDelivery(sub.id, PERIOD, remote('a'))).toBe('new');
    // Alive (its session holds its presence lock): the claim stays its own.
    expect(await b.digest.claimDelivery(sub.id, PERIOD, remote('b'))).toBeNull();
    expect(await b.digest.claimDelivery(sub.id, PERIOD, remote('c'))).toBeNull();
    await a.close();
    expect(await b.digest.claimDelivery(sub.id, PERIOD, remote('b'))).toBe('taken-over');
    expect(await b.digest.claimDelivery(sub.id, PERIOD, remote('c'))).toBeNull();
  });

  it('holds request-path writes while the database is away, says so, writes them when it is back, and says it is back', async () => {
    const url = await freshDatabase('away');
    const real = new URL(url);
    const gate: TcpGate = await tcpGate(Number(real.port));
    cleanup.push(() => gate.stop());
    const through = new URL(url);
    through.port = String(gate.port);
    const { lines, log } = capture();
    const s = await open(through.toString(), log);
    let back = 0;
    s.onBack(() => back++);
    const entry = { at: new Date(), surface: 'slack' as const, workspace: 'T', channel: 'C1', category: null, industry: null, confidence: 0, volume: null, matched: false };
    s.surface.logRequest(entry);
    await s.flush();
    expect(s.status()).toBe('ok');

    gate.close();
    for (let i = 0; i < 25; i++) s.surface.logRequest(entry);
    await s.flush();
    expect(s.status()).toBe('unavailable');
    expect(s.held()).toBe(25);
    expect(await s.surface.recentHistory('k', 5)).toEqual([]);
    await expect(s.digest.listSubscriptions()).rejects.toMatchObject({ code: 'store_unavailable' });
    expect(lines.filter((l) => l.includes('writes are held'))).toHaveLength(1);

    gate.open();
    const until = Date.now() + 10_000;
    while (s.held() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(s.held()).toBe(0);
    expect(s.status()).toBe('ok');
    expect(await query(url, 'SELECT COUNT(*)::int AS n FROM request_log')).toEqual([{ n: 26 }]);
    expect(lines.some((l) => l.includes('the database is back'))).toBe(true);
    // Whoever waits for the database (the digest scheduler) is told once, when it answers again.
    expect(back).toBe(1);
  });

  it('drops the oldest held writes past the bound, and counts them', async () => {
    const url = await freshDatabase('bound');
    const real = new URL(url);
    const gate = await tcpGate(Number(real.port));
    cleanup.push(() => gate.stop());
    const through = new URL(url);
    through.port = String(gate.port);
    const s = await openPostgresStore({ url: through.toString(), logRequestText: false, retentionDays: 90, log: silentLogger(), retryMs: 50, maxHeld: 10 });
    cleanup.push(() => s.close());
    watchStore(s);
    gate.close();
    const dropped = (await registry.getSingleMetric('which_tool_store_writes_dropped_total')!.get()).values[0]?.value ?? 0;
    for (let i = 0; i < 15; i++) s.surface.addHistory('k', { at: new Date(Date.UTC(2026, 0, 1, 0, i)), text: `q${i}` });
    await s.flush();
    expect(s.held()).toBe(10);
    expect((await registry.getSingleMetric('which_tool_store_writes_dropped_total')!.get()).values[0]!.value - dropped).toBe(5);
    gate.open();
    await new Promise((r) => setTimeout(r, 100));
    expect((await s.surface.recentHistory('k', 20)).map((h) => h.text)).toEqual(Array.from({ length: 10 }, (_, i) => `q${14 - i}`));
  });

  it('starts while the database is away, and applies the schema once it answers', async () => {
    const url = await freshDatabase('late');
    const real = new URL(url);
    const gate = await tcpGate(Number(real.port));
    cleanup.push(() => gate.stop());
    gate.close();
    const through = new URL(url);
    through.port = String(gate.port);
    const s = await open(through.toString());
    expect(s.status()).toBe('unavailable');
    s.surface.logRequest({ at: new Date(), surface: 'teams', workspace: 't', category: null, industry: null, confidence: 0, volume: null, matched: false });
    gate.open();
    const until = Date.now() + 10_000;
    while (s.status() !== 'ok' && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    await s.flush();
    expect(s.status()).toBe('ok');
    expect(await query(url, 'SELECT COUNT(*)::int AS n FROM request_log')).toEqual([{ n: 1 }]);
  });
});
