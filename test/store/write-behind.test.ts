// The request path's writes leave it: they queue and reach the file together, once per
// event-loop turn, in one transaction. What must still hold: they land without anyone asking,
// this process reads what it wrote, closing loses nothing, one bad write costs only itself,
// and history stays capped.
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../../src/log/logger.js';
import { openSqliteStore, type OpenStore } from '../../src/store/sqlite.js';
import type { RequestLogEntry } from '../../src/store/types.js';
import { tempDbPath } from '../digest/stand-ins.js';

const opened: OpenStore[] = [];
const readers: Database.Database[] = [];
afterEach(() => {
  readers.splice(0).forEach((r) => r.close());
  opened.splice(0).forEach((s) => s.close());
});
const open = (path = tempDbPath(), log = silentLogger()): OpenStore => {
  const s = openSqliteStore({ path, logRequestText: false, retentionDays: 90, log });
  opened.push(s);
  return s;
};
/** Another connection, as `digest run` or an operator's sqlite3 would read the file. */
const reader = (path: string): ((sql: string) => number) => {
  const db = new Database(path, { readonly: true });
  readers.push(db);
  return (sql) => (db.prepare(sql).get() as { n: number }).n;
};
const request = (channel = 'C1'): RequestLogEntry => ({
  at: new Date(), surface: 'slack', workspace: 'T1', channel, category: 'image', industry: null, confidence: 0.8, volume: null, matched: true,
});
const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('write-behind store', () => {
  it('writes a turn’s requests and history together, without being asked, by the next turn', async () => {
    const path = tempDbPath();
    const s = open(path);
    const count = reader(path);
    for (let i = 0; i < 5; i++) {
      s.surface.logRequest(request());
      s.surface.addHistory('k', { at: new Date(), text: `q${i}` });
    }
    // Still queued: the request path did not wait for the file.
    expect(count('SELECT COUNT(*) AS n FROM request_log')).toBe(0);
    await nextTurn();
    expect(count('SELECT COUNT(*) AS n FROM request_log')).toBe(5);
    expect(count('SELECT COUNT(*) AS n FROM history')).toBe(5);
  });

  it('reads what this process wrote, through the surface and through the digest store', async () => {
    const s = open();
    s.surface.logRequest(request('C9'));
    s.surface.addHistory('k', { at: new Date(), text: 'a jingle' });
    expect((await s.surface.recentHistory('k', 5)).map((h) => h.text)).toEqual(['a jingle']);
    s.surface.logRequest(request('C9'));
    const now = Date.now();
    expect((await s.digest.requestsIn('C9', new Date(now - 60_000), new Date(now + 60_000)))).toHaveLength(2);
  });

  it('loses nothing queued when closed', () => {
    const path = tempDbPath();
    const s = open(path);
    for (let i = 0; i < 3; i++) s.surface.logRequest(request());
    s.close();
    expect(reader(path)('SELECT COUNT(*) AS n FROM request_log')).toBe(3);
  });

  it('one write that fails costs only itself: its neighbours in the batch are written', () => {
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }));
    const path = tempDbPath();
    const s = open(path, log);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    s.surface.logRequest(request());
    s.surface.conversationRefs.save({ conversationId: 'c', tenantId: 't', scope: 'personal', reference: circular, updatedAt: new Date(), authenticated: false });
    s.surface.logRequest(request());
    s.surface.flush();
    expect(reader(path)('SELECT COUNT(*) AS n FROM request_log')).toBe(2);
    expect(lines.filter((l) => l.includes('cannot write') && l.includes('conversationRefs.save'))).toHaveLength(1);
    s.surface.logRequest(request());
    expect(s.surface.healthy).toBe(true);
  });

  it('keeps history capped across many turns, and the prune brings everyone back to 20', async () => {
    const path = tempDbPath();
    const s = open(path);
    const count = reader(path);
    for (let i = 0; i < 60; i++) {
      s.surface.addHistory('k', { at: new Date(Date.UTC(2026, 10, 1, 0, i)), text: `q${i}` });
      await nextTurn();
      expect(count("SELECT COUNT(*) AS n FROM history WHERE user_key = 'k'")).toBeLessThan(28);
    }
    expect((await s.surface.recentHistory('k', 100)).map((h) => h.text).slice(0, 2)).toEqual(['q59', 'q58']);
    expect((await s.surface.recentHistory('k', 100)).length).toBeLessThan(28);
    s.prune(new Date(Date.UTC(2026, 10, 2)));
    expect((await s.surface.recentHistory('k', 100)).map((h) => h.text)).toEqual(Array.from({ length: 20 }, (_, i) => `q${59 - i}`));
  });
});
