// The SQLite store on real files: migrations, WAL, what the request log keeps (and does not),
// history, conversation references, retention, and answering on when writes fail.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../../src/log/logger.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openDatabase } from '../../src/store/open-database.js';
import { openSqliteStore, type OpenStore } from '../../src/store/sqlite.js';
import type { RequestLogEntry } from '../../src/store/types.js';
import { tempDbPath } from '../digest/stand-ins.js';

const opened: OpenStore[] = [];
const open = (path = tempDbPath(), logRequestText = false, retentionDays = 90, log = silentLogger()): OpenStore => {
  const s = openSqliteStore({ path, logRequestText, retentionDays, log });
  opened.push(s);
  return s;
};
afterEach(() => opened.splice(0).forEach((s) => s.close()));

const request = (over: Partial<RequestLogEntry> = {}): RequestLogEntry => ({
  at: new Date('2026-11-20T10:00:00Z'), surface: 'slack', workspace: 'T1', channel: 'C1', category: 'image', industry: 'retail',
  confidence: 0.8, volume: { count: 300, unit: 'image', period: 'month' }, matched: true, useCase: null, text: 'I need 300 product shots a month', ...over,
});

describe('SQLite store', () => {
  it('creates its folder, uses WAL and applies the migrations once', () => {
    const path = join(dirname(tempDbPath()), 'nested', 'deeper', 'which-tool.db');
    const s = open(path);
    expect(existsSync(path)).toBe(true);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    s.surface.logRequest(request());
    s.close();
    const again = open(path);
    expect((again.db.prepare('SELECT COUNT(*) AS n FROM request_log').get() as { n: number }).n).toBe(1);
  });

  it('applies a later migration to an existing file without touching earlier ones', () => {
    const path = tempDbPath();
    openDatabase(path).close();
    const db = openDatabase(path, { migrations: [...MIGRATIONS, { version: 99, name: 'extra', sql: 'CREATE TABLE extra (x INTEGER)' }] });
    expect(db.pragma('user_version', { simple: true })).toBe(99);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeTruthy();
    db.close();
  });

  it('keeps no user ids, and request text only when text logging is on', async () => {
    const off = open(tempDbPath(), false);
    off.surface.logRequest(request());
    const columns = (off.db.prepare('PRAGMA table_info(request_log)').all() as { name: string }[]).map((c) => c.name);
    expect(columns.some((c) => /user/i.test(c))).toBe(false);
    expect(off.db.prepare('SELECT text, volume_count, matched, category FROM request_log').get()).toEqual({ text: null, volume_count: 300, matched: 1, category: 'image' });
    const on = open(tempDbPath(), true);
    on.surface.logRequest(request());
    expect((on.db.prepare('SELECT text FROM request_log').get() as { text: string }).text).toBe('I need 300 product shots a month');
  });

  it('keeps the newest 20 history entries per hashed user key, newest first', async () => {
    const s = open();
    for (let i = 0; i < 25; i++) s.surface.addHistory('hash-a', { at: new Date(Date.UTC(2026, 10, 1, 0, i)), text: `q${i}` });
    s.surface.addHistory('hash-b', { at: new Date(), text: 'other' });
    expect((await s.surface.recentHistory('hash-a', 3)).map((h) => h.text)).toEqual(['q24', 'q23', 'q22']);
    expect((s.db.prepare("SELECT COUNT(*) AS n FROM history WHERE user_key = 'hash-a'").get() as { n: number }).n).toBe(20);
    expect((await s.surface.recentHistory('hash-b', 5))).toHaveLength(1);
  });

  it('saves, replaces, lists and removes Teams conversation references', async () => {
    const s = open();
    const refs = s.surface.conversationRefs;
    refs.save({ conversationId: '19:a@thread.tacv2', tenantId: 't1', scope: 'channel', reference: { serviceUrl: 'https://smba.example/' }, updatedAt: new Date(), authenticated: true });
    refs.save({ conversationId: '19:a@thread.tacv2', tenantId: 't1', scope: 'channel', reference: { serviceUrl: 'https://smba.other/' }, updatedAt: new Date(), authenticated: true });
    expect(await refs.list()).toHaveLength(1);
    expect((await refs.get('19:a@thread.tacv2'))?.reference).toEqual({ serviceUrl: 'https://smba.other/' });
    refs.remove('19:a@thread.tacv2');
    expect((await refs.get('19:a@thread.tacv2'))).toBeUndefined();
  });

  it('prunes request log, feedback and history past the retention, keeping the rest', () => {
    const s = open(tempDbPath(), false, 90);
    const now = new Date('2026-11-30T00:00:00Z');
    const old = new Date(now.getTime() - 91 * 86_400_000);
    const recent = new Date(now.getTime() - 89 * 86_400_000);
    for (const at of [old, recent]) {
      s.surface.logRequest(request({ at }));
      s.surface.recordFeedback({ at, surface: 'teams', workspace: 'T', channel: 'C1', category: 'llm', helpful: true, catalogVersion: 'v' });
      s.surface.addHistory('k', { at, text: 'x' });
    }
    expect(s.prune(now)).toBe(3);
    for (const table of ['request_log', 'feedback', 'history'])
      expect((s.db.prepare(`SELECT MIN(at) AS at, COUNT(*) AS n FROM ${table}`).get() as { at: number; n: number })).toEqual({ at: recent.getTime(), n: 1 });
  });

  it('answers on when the database refuses writes, reports once, and recovers by itself', async () => {
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }));
    const s = open(tempDbPath(), false, 90, log);
    // query_only makes SQLite refuse every write with SQLITE_READONLY, as a read-only file does.
    s.db.pragma('query_only = 1');
    for (let i = 0; i < 50; i++) {
      expect(() => s.surface.logRequest(request())).not.toThrow();
      expect(() => s.surface.recordFeedback({ at: new Date(), surface: 'slack', workspace: 'T', category: null, helpful: false, catalogVersion: 'v' })).not.toThrow();
    }
    expect(s.surface.healthy).toBe(false);
    expect(lines.filter((l) => l.includes('cannot write'))).toHaveLength(1);
    expect(lines.join('')).toContain('SQLITE_READONLY');
    // The refusing connection was dropped; the store opens the file again on its own, on a short
    // backoff, and counts it open once a test write succeeds.
    await expect.poll(() => lines.some((l) => l.includes('database open again')), { timeout: 3_000 }).toBe(true);
    s.surface.logRequest(request());
    expect(s.surface.healthy).toBe(true);
    expect(lines.filter((l) => l.includes('writes succeed again'))).toHaveLength(1);
    expect((s.db.prepare('SELECT COUNT(*) AS n FROM request_log').get() as { n: number }).n).toBe(1);
  });

  it('lets a second connection read while the first writes (WAL)', () => {
    const path = tempDbPath();
    const s = open(path);
    s.surface.logRequest(request());
    const reader = new Database(path, { readonly: true });
    s.db.exec('BEGIN IMMEDIATE');
    s.surface.logRequest(request());
    expect((reader.prepare('SELECT COUNT(*) AS n FROM request_log').get() as { n: number }).n).toBe(1);
    s.db.exec('COMMIT');
    expect((reader.prepare('SELECT COUNT(*) AS n FROM request_log').get() as { n: number }).n).toBe(2);
    reader.close();
  });
});
