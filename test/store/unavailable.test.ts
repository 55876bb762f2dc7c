// A database that cannot be opened or written: answers go on, the problem is reported once,
// and the store (and the digests on it) resume by themselves once the file is usable.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { DigestRunner } from '../../src/digest/runner.js';
import { SlackSender } from '../../src/digest/slack-sender.js';
import { createLogger, silentLogger } from '../../src/log/logger.js';
import { openSqliteStore, type OpenStore } from '../../src/store/sqlite.js';
import { shippedCatalog } from '../helpers/catalog.js';
import { perChannel, slackStandIn, tempDbPath } from '../digest/stand-ins.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function capture() {
  const lines: string[] = [];
  return { lines, log: createLogger('info', new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) })) };
}

const entry = { at: new Date(), surface: 'slack' as const, workspace: 'T', channel: 'C1', category: null, industry: null, confidence: 0, volume: null, matched: false };

describe('store unavailable', () => {
  it('starts without a usable file, answers on, and opens it once the folder exists', async () => {
    const base = mkdtempSync(join(tmpdir(), 'which-tool-blocked-'));
    const blocker = join(base, 'var');
    writeFileSync(blocker, 'a file where the folder should be');
    let clock = 0;
    const { lines, log } = capture();
    const store: OpenStore = openSqliteStore({ path: join(blocker, 'which-tool.db'), logRequestText: false, retentionDays: 90, log, retryMs: 1000, now: () => clock });
    cleanup.push(() => store.close());
    for (let i = 0; i < 20; i++) expect(() => store.surface.logRequest(entry)).not.toThrow();
    expect(await store.surface.recentHistory('k', 5)).toEqual([]);
    await expect(async () => store.digest.listSubscriptions()).rejects.toThrow(/cannot be opened/);
    expect(lines.filter((l) => l.includes('cannot open the database'))).toHaveLength(1);

    rmSync(blocker);
    mkdirSync(blocker);
    clock += 1001;
    store.surface.logRequest(entry);
    expect(store.surface.healthy).toBe(true);
    expect(await store.digest.listSubscriptions()).toEqual([]);
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM request_log').get() as { n: number }).n).toBe(1);
    expect(lines.some((l) => l.includes('database open again'))).toBe(true);
  });

  it('reopens a connection that refuses writes and resumes', () => {
    let clock = 0;
    const store = openSqliteStore({ path: tempDbPath(), logRequestText: false, retentionDays: 90, log: silentLogger(), retryMs: 1000, now: () => clock });
    cleanup.push(() => store.close());
    store.db.pragma('query_only = 1');
    store.surface.logRequest(entry);
    expect(store.surface.healthy).toBe(false);
    clock += 1001;
    store.surface.logRequest(entry); // the refused connection was dropped: these two reopen it
    store.surface.logRequest(entry);
    expect(store.surface.healthy).toBe(true);
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM request_log').get() as { n: number }).n).toBe(2);
  });

  it('a digest sent while the store refuses to record it is recorded later and never sent twice', async () => {
    const api = await slackStandIn();
    cleanup.push(() => api.close());
    const store = openSqliteStore({ path: tempDbPath(), logRequestText: false, retentionDays: 90, log: silentLogger(), retryMs: 60_000 });
    cleanup.push(() => store.close());
    for (const c of ['C1', 'C2', 'C3'])
      await store.digest.upsertSubscription({ platform: 'slack', workspace: 'T', channel: c, schedule: '0 9 * * 1', timeZone: 'UTC' }, new Date('2026-11-01T00:00:00Z'));
    // The store turns read-only while the first message is in flight.
    api.inject = () => {
      store.db.pragma('query_only = 1');
      return undefined;
    };
    const sender = new SlackSender({ apiUrl: api.url, botToken: 'xoxb-t', workspacePace: { perSecond: 1000, burst: 10 } });
    const runner = new DigestRunner({ store: store.digest, catalog: shippedCatalog(), sender, log: silentLogger(), graceHours: 6, concurrency: 1 });
    const at = new Date('2026-12-07T09:00:00Z');
    await expect(runner.runDue(at)).rejects.toThrow();
    expect(api.accepted).toHaveLength(1);
    api.inject = () => undefined;
    store.db.pragma('query_only = 0');
    for (let i = 0; i < 3; i++) await runner.runDue(new Date(at.getTime() + i * 60_000));
    expect(perChannel(api.accepted)).toEqual(new Map([['C1', 1], ['C2', 1], ['C3', 1]]));
    expect((await store.digest.listDeliveries()).filter((d) => d.periodAt.getTime() === at.getTime()).map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);
  });
});
