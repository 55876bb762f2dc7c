// A row that does not fit its table (a column of the wrong type or an unknown value, written by
// hand, by another tool or by a broken writer) is read as a coded StoreRowError naming the table
// and the column, never the value; the store itself stays up. SQLite stores whatever it is given,
// so every kind of damage is written there with raw SQL; Postgres keeps its column types, so only
// a value the schema's CHECKs do not guard (a category, a unit, JSON text) can reach it.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/core/errors.js';
import { silentLogger } from '../../src/log/logger.js';
import { sqliteAsStore } from '../../src/store/open.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { openPostgresStore } from '../../src/store/pg/open.js';
import type { ClaimOwner } from '../../src/store/digest-types.js';
import type { Store } from '../../src/store/store.js';
import { tempDbPath } from '../digest/stand-ins.js';
import { freshDatabase, query } from '../helpers/postgres.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const CHANNEL = 'C0CORRUPT';
const PERIOD = new Date('2026-12-07T09:00:00Z');
const owner: ClaimOwner = { id: 'test-owner', leaseUntil: () => Date.now() + 60_000, isStale: () => false };

/** The ids `seed` made last. */
const seeded = { correction: '' };

/** One row in each table the cases damage. */
async function seed(store: Store): Promise<void> {
  await store.digest.upsertSubscription({ platform: 'slack', workspace: 'T1', channel: CHANNEL, schedule: '0 9 * * 1', timeZone: 'UTC' }, new Date());
  const sub = (await store.digest.findSubscription('slack', CHANNEL))!;
  await store.digest.claimDelivery(sub.id, PERIOD, owner);
  await store.digest.saveCatalogSnapshot({ version: 'v1', tools: ['Midjourney v6'], useCases: ['logo'] });
  store.surface.logRequest({ at: new Date(), surface: 'slack', workspace: 'T1', channel: CHANNEL, category: 'image', industry: null, confidence: 0.9, volume: { count: 300, unit: 'image', period: 'month' }, matched: true });
  seeded.correction = (await store.corrections.add({
    at: new Date(), surface: 'slack', workspace: 'T1', userKey: 'k1', text: 'a logo', answered: { category: 'image', industry: null },
    chosen: { category: 'llm', industry: null }, catalogVersion: 'v1', modelVersion: null, flagged: false,
  })).id;
  await store.flush();
}

interface Damage {
  readonly table: string;
  readonly column: string;
  /** The stored value that must not appear in the error. */
  readonly value: string;
  readonly sql: string;
  readonly read: (store: Store) => Promise<unknown>;
}

const since = new Date(0);
const until = new Date(Date.now() + 86_400_000);

/** Damage either database can hold: a value no CHECK guards that the code does not know, or text that is not JSON. */
const ANY_DATABASE: readonly Damage[] = [
  { table: 'corrections', column: 'chosen_category', value: 'teleport', sql: "UPDATE corrections SET chosen_category = 'teleport'", read: (s) => s.corrections.list() },
  { table: 'corrections', column: 'surface', value: 'telefax', sql: "UPDATE corrections SET surface = 'telefax'", read: (s) => s.corrections.get(seeded.correction) },
  { table: 'request_log', column: 'category', value: 'teleport', sql: "UPDATE request_log SET category = 'teleport'", read: (s) => s.digest.requestsIn(CHANNEL, since, until) },
  { table: 'request_log', column: 'volume_unit', value: 'parsecs', sql: "UPDATE request_log SET volume_unit = 'parsecs'", read: (s) => s.digest.requestsIn(CHANNEL, since, until) },
  { table: 'catalog_snapshots', column: 'tools', value: 'Midjourney', sql: "UPDATE catalog_snapshots SET tools = '[\"Midjourney'", read: (s) => s.digest.getCatalogSnapshot('v1') },
];

/** Damage only SQLite can hold: a column of the wrong type. */
const SQLITE_ONLY: readonly Damage[] = [
  { table: 'subscriptions', column: 'created_at', value: 'yesterday', sql: "UPDATE subscriptions SET created_at = 'yesterday'", read: (s) => s.digest.listSubscriptions() },
  { table: 'deliveries', column: 'attempts', value: 'many', sql: "UPDATE deliveries SET attempts = 'many'", read: async (s) => s.digest.claimDelivery((await s.digest.findSubscription('slack', CHANNEL))!.id, PERIOD, owner) },
  { table: 'corrections', column: 'flagged', value: 'perhaps', sql: "UPDATE corrections SET flagged = 'perhaps'", read: (s) => s.corrections.list() },
  { table: 'request_log', column: 'matched', value: 'yes', sql: "UPDATE request_log SET matched = 'yes'", read: (s) => s.digest.requestsIn(CHANNEL, since, until) },
];

async function expectRowError(store: Store, d: Damage): Promise<void> {
  const err = await d.read(store).then(
    () => undefined,
    (e: unknown) => e as Error & { code?: string; table?: string },
  );
  expect(err, `${d.table}.${d.column}`).toMatchObject({ name: 'StoreRowError', code: ErrorCode.StoreRowInvalid, table: d.table });
  expect(err!.message).toContain(d.column);
  expect(err!.message).not.toContain(d.value);
  // One bad row is that row's problem, not the database's: the store stays up.
  expect(store.status()).toBe('ok');
}

describe('corrupt rows in SQLite', () => {
  const open = async (path: string): Promise<Store> => {
    const store = sqliteAsStore(openSqliteStore({ path, logRequestText: false, retentionDays: 90, log: silentLogger() }));
    cleanup.push(() => store.close());
    return store;
  };

  it.each([...ANY_DATABASE, ...SQLITE_ONLY].map((d) => [`${d.table}.${d.column} = ${d.value}`, d] as const))('%s is a StoreRowError', async (_name, d) => {
    const path = tempDbPath();
    const store = await open(path);
    await seed(store);
    // Written by another connection, as a hand edit or another tool would.
    const raw = new Database(path);
    raw.exec(d.sql);
    raw.close();
    await expectRowError(store, d);
  });

  it('reads the rows as they were before the damage (the check is not the problem)', async () => {
    const store = await open(tempDbPath());
    await seed(store);
    expect(await store.digest.listSubscriptions()).toHaveLength(1);
    expect(await store.digest.listDeliveries()).toHaveLength(1);
    expect(await store.corrections.list()).toHaveLength(1);
    expect(await store.digest.requestsIn(CHANNEL, since, until)).toMatchObject([{ category: 'image', volume: { count: 300, unit: 'image', period: 'month' }, matched: true }]);
    expect(await store.digest.getCatalogSnapshot('v1')).toEqual({ version: 'v1', tools: ['Midjourney v6'], useCases: ['logo'] });
  });
});

describe('corrupt rows in Postgres', () => {
  it.each(ANY_DATABASE.map((d) => [`${d.table}.${d.column} = ${d.value}`, d] as const))('%s is a StoreRowError', async (_name, d) => {
    const url = await freshDatabase('corrupt');
    const store = await openPostgresStore({ url, logRequestText: false, retentionDays: 90, log: silentLogger(), retryMs: 50 });
    cleanup.push(() => store.close());
    await seed(store);
    await query(url, d.sql);
    await expectRowError(store, d);
  });
});
