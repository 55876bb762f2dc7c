// The policy log (migration 4): what an answer adds to it, what it never holds, and that it is
// pruned with the request log.
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { openSqliteStore, type OpenStore } from '../../src/store/sqlite.js';
import type { RequestLogEntry } from '../../src/store/types.js';
import { tempDbPath } from '../digest/stand-ins.js';

const opened: OpenStore[] = [];
const open = (logRequestText = true): OpenStore => {
  const s = openSqliteStore({ path: tempDbPath(), logRequestText, retentionDays: 90, log: silentLogger() });
  opened.push(s);
  return s;
};
afterEach(() => opened.splice(0).forEach((s) => s.close()));

const entry = (at: Date, over: Partial<RequestLogEntry> = {}): RequestLogEntry => ({
  at, surface: 'slack', workspace: 'T1', channel: 'C1', category: 'image', industry: null, confidence: 0.9, volume: null, matched: true,
  useCase: null, text: "a poster from the patient's chart for Dr Smith", ...over,
});
const rows = (s: OpenStore) => s.db.prepare('SELECT * FROM policy_log ORDER BY id').all() as Record<string, unknown>[];

describe('policy log', () => {
  it('writes one row per fact, with no user, channel or text, even when request text is kept', () => {
    const s = open(true);
    const at = new Date('2026-11-20T10:00:00Z');
    s.surface.logRequest(entry(at, {
      policy: { unapproved: { category: 'image', best: 'data' }, named: [{ name: 'Midjourney v6', status: 'prohibited' }], data: ['health', 'personal'] },
    }));
    s.surface.logRequest(entry(at)); // nothing to count: no rows
    s.surface.recordAccessRequest({ at, surface: 'teams', workspace: 'tenant', subject: 'image' });
    expect(rows(s).map((r) => [r.kind, r.subject, r.status])).toEqual([
      ['unapproved', 'image', 'data'], ['named', 'Midjourney v6', 'prohibited'], ['data', 'health', null], ['data', 'personal', null], ['access', 'image', null],
    ]);
    expect(Object.keys(rows(s)[0]!).sort()).toEqual(['at', 'id', 'kind', 'status', 'subject', 'surface', 'workspace']);
    expect(JSON.stringify(rows(s))).not.toMatch(/patient|Smith|C1/);
  });

  it('counts by kind, subject and status within a window', async () => {
    const s = open();
    const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));
    for (const d of [10, 11, 11, 20]) s.surface.logRequest(entry(day(d), { policy: { named: [{ name: 'Cursor', status: 'review' }], data: [] } }));
    const counts = await s.policy.policyCounts(day(10), day(12));
    expect(counts.requests).toBe(3);
    expect(counts.rows).toEqual([{ kind: 'named', subject: 'Cursor', status: 'review', count: 3 }]);
  });

  it('is pruned with the request log', () => {
    const s = open();
    const old = new Date(Date.now() - 200 * 86_400_000);
    s.surface.logRequest(entry(old, { policy: { named: [], data: ['financial'] } }));
    s.surface.recordAccessRequest({ at: old, surface: 'slack', workspace: 'T1', subject: 'Cursor' });
    s.surface.logRequest(entry(new Date(), { policy: { named: [], data: ['financial'] } }));
    expect(s.prune(new Date())).toBe(3); // one request and two policy rows
    expect(rows(s).map((r) => r.subject)).toEqual(['financial']);
  });
});
