// The store tests every backend passes, SQLite and Postgres alike (sqlite-contract.test.ts,
// postgres-contract.test.ts): what the surfaces, the digests and the Slack installations read
// back is the same whichever database holds it.
import { afterEach, describe, expect, it } from 'vitest';
import type { ClaimOwner, SubscriptionRecord } from '../../src/store/digest-types.js';
import type { NewCorrection } from '../../src/store/correction-types.js';
import type { Store } from '../../src/store/store.js';
import type { RequestLogEntry } from '../../src/store/types.js';
import { installation, orgInstallation } from './installations.js';

export interface OpenOptions {
  readonly logRequestText?: boolean;
  readonly secretKey?: Buffer;
  readonly previousKey?: Buffer;
}
/**
 * Opens the store on a fresh database; `again` opens another store on the same database; `exec`
 * runs one SQL statement on it directly (rows only an older version could have written).
 */
export type Opener = (options?: OpenOptions) => Promise<{ store: Store; again: (options?: OpenOptions) => Promise<Store>; exec: (sql: string) => Promise<void> }>;

const owner = (id: string, stale = false): ClaimOwner => ({ id, leaseUntil: () => Date.now() + 60_000, isStale: () => stale });
const request = (over: Partial<RequestLogEntry> = {}): RequestLogEntry => ({
  at: new Date('2026-12-01T10:00:00Z'), surface: 'slack', workspace: 'T1', channel: 'C1', category: 'image', industry: 'retail',
  confidence: 0.8, volume: { count: 300, unit: 'image', period: 'month' }, matched: true, useCase: 'product-shots', text: 'I need 300 product shots a month', ...over,
});
const weekly = { platform: 'slack' as const, workspace: 'T1', channel: 'C1', schedule: '0 9 * * 1', timeZone: 'Europe/Berlin' };
const P1 = new Date('2026-12-07T08:00:00Z');
const P2 = new Date('2026-12-14T08:00:00Z');

export function storeContract(backend: string, open: Opener): void {
  const opened: Store[] = [];
  const use = async (options?: OpenOptions) => {
    const o = await open(options);
    opened.push(o.store);
    return {
      store: o.store,
      exec: o.exec,
      again: async (more?: OpenOptions) => {
        const s = await o.again(more);
        opened.push(s);
        return s;
      },
    };
  };
  afterEach(async () => {
    for (const s of opened.splice(0).reverse()) await s.close();
  });

  describe(`${backend} store: subscriptions`, () => {
    it('keeps one subscription per channel: its id stays, its schedule changes, an empty workspace keeps the known one', async () => {
      const { store } = await use();
      const a = await store.digest.upsertSubscription({ ...weekly, enterprise: 'E1' }, new Date('2026-11-01T00:00:00Z'));
      expect(a).toMatchObject({ platform: 'slack', workspace: 'T1', channel: 'C1', enterprise: 'E1', status: 'active', pausedReason: null, schedule: '0 9 * * 1' });
      expect(a.id).toMatch(/^sub_[0-9a-f]{10}$/);
      const b = await store.digest.upsertSubscription({ ...weekly, workspace: '', schedule: '30 8 * * *', timeZone: 'UTC' }, new Date('2026-11-02T00:00:00Z'));
      expect(b).toMatchObject({ id: a.id, workspace: 'T1', enterprise: 'E1', schedule: '30 8 * * *', timeZone: 'UTC' });
      expect(b.createdAt).toEqual(new Date('2026-11-02T00:00:00Z'));
      expect(await store.digest.findSubscription('slack', 'C1')).toEqual(b);
      expect(await store.digest.getSubscription(a.id)).toEqual(b);
      expect(await store.digest.findSubscription('teams', 'C1')).toBeUndefined();
      expect(await store.digest.getSubscription('sub_nothing')).toBeUndefined();
    });

    it('lists in creation order, pauses with a reason, resumes, and removes', async () => {
      const { store } = await use();
      const t = new Date('2026-11-01T00:00:00Z');
      const ids: string[] = [];
      for (const c of ['C3', 'C1', 'C2']) ids.push((await store.digest.upsertSubscription({ ...weekly, channel: c }, t)).id);
      const teams = await store.digest.upsertSubscription({ ...weekly, platform: 'teams', channel: '19:x@thread.tacv2' }, new Date('2026-10-01T00:00:00Z'));
      expect((await store.digest.listSubscriptions()).map((s) => s.id)).toEqual([teams.id, ...ids]);
      expect((await store.digest.listSubscriptions())[0]!.enterprise).toBeUndefined();
      await store.digest.pauseSubscription(ids[0]!, 'is_archived');
      expect(await store.digest.getSubscription(ids[0]!)).toMatchObject({ status: 'paused', pausedReason: 'is_archived' });
      await store.digest.resumeSubscription(ids[0]!);
      expect(await store.digest.getSubscription(ids[0]!)).toMatchObject({ status: 'active', pausedReason: null });
      expect(await store.digest.removeSubscription(ids[1]!)).toBe(true);
      expect(await store.digest.removeSubscription(ids[1]!)).toBe(false);
      expect(await store.digest.listSubscriptions()).toHaveLength(3);
    });
  });

  describe(`${backend} store: deliveries`, () => {
    const subscribed = async (store: Store): Promise<SubscriptionRecord> => store.digest.upsertSubscription(weekly, new Date('2026-11-01T00:00:00Z'));

    it('claims a period once: a live runner keeps it, a finished one is done, a skipped one is never sent', async () => {
      const { store } = await use();
      const sub = await subscribed(store);
      expect(await store.digest.claimDelivery(sub.id, P1, owner('host-a:1:aa'))).toBe('new');
      expect(await store.digest.claimDelivery(sub.id, P1, owner('host-b:2:bb'))).toBeNull();
      expect(await store.digest.getDelivery(sub.id, P1)).toMatchObject({ status: 'claimed', catalogVersion: null });
      await store.digest.finishDelivery(sub.id, P1, 'sent', null, 'cat-1');
      expect(await store.digest.claimDelivery(sub.id, P1, owner('host-b:2:bb', true))).toBeNull();
      expect(await store.digest.getDelivery(sub.id, P1)).toEqual({ subscriptionId: sub.id, periodAt: P1, status: 'sent', catalogVersion: 'cat-1', detail: null });
      await store.digest.skipDelivery(sub.id, P1, 'should not replace a sent row');
      await store.digest.skipDelivery(sub.id, P2, 'missed');
      expect(await store.digest.claimDelivery(sub.id, P2, owner('host-a:1:aa'))).toBeNull();
      expect(await store.digest.getDelivery(sub.id, P2)).toMatchObject({ status: 'skipped', detail: 'missed' });
      expect(await store.digest.latestPeriod(sub.id)).toEqual(P2);
      expect((await store.digest.lastSent(sub.id, P2))?.periodAt).toEqual(P1);
      expect(await store.digest.lastSent(sub.id, P1)).toBeUndefined();
      expect(await store.digest.countSent(sub.id)).toBe(1);
      expect((await store.digest.listDeliveries(sub.id)).map((d) => d.status)).toEqual(['sent', 'skipped']);
      expect(await store.digest.listDeliveries()).toHaveLength(2);
    });

    it('takes over a stale claim, retries a failed one a few times, and never touches another subscription', async () => {
      const { store } = await use();
      const sub = await subscribed(store);
      const other = await store.digest.upsertSubscription({ ...weekly, channel: 'C2' }, new Date('2026-11-01T00:00:00Z'));
      expect(await store.digest.claimDelivery(sub.id, P1, owner('host-a:1:aa'))).toBe('new');
      expect(await store.digest.claimDelivery(sub.id, P1, owner('host-b:2:bb', true))).toBe('taken-over');
      expect(await store.digest.claimDelivery(other.id, P1, owner('host-b:2:bb'))).toBe('new');
      const outcomes: (string | null)[] = [];
      for (let i = 0; i < 6; i++) {
        await store.digest.finishDelivery(sub.id, P1, 'failed', 'rate limited', null);
        outcomes.push(await store.digest.claimDelivery(sub.id, P1, owner('host-c:3:cc')));
      }
      // Two attempts so far (claim, take-over); three more retries, then it stays failed.
      expect(outcomes).toEqual(['new', 'new', 'new', null, null, null]);
      expect(await store.digest.getDelivery(sub.id, P1)).toMatchObject({ status: 'failed', detail: 'rate limited' });
      expect(await store.digest.latestPeriod('sub_none')).toBeUndefined();
    });

    it('removing a subscription removes its deliveries', async () => {
      const { store } = await use();
      const sub = await subscribed(store);
      await store.digest.skipDelivery(sub.id, P1, 'missed');
      await store.digest.removeSubscription(sub.id);
      expect(await store.digest.listDeliveries()).toEqual([]);
    });
  });

  describe(`${backend} store: what a digest reads`, () => {
    it("finds a channel's requests in a period, with a Teams channel's threads but not a look-alike channel", async () => {
      const { store } = await use({ logRequestText: true });
      const t = (m: number): Date => new Date(Date.UTC(2026, 11, 1, 10, m));
      store.surface.logRequest(request({ at: t(1), channel: '19:abc@thread.tacv2' }));
      store.surface.logRequest(request({ at: t(2), channel: '19:abc@thread.tacv2;messageid=1700000000001', volume: null, matched: false, category: null, useCase: null }));
      store.surface.logRequest(request({ at: t(3), channel: '19:abc@thread.tacv2x' }));
      store.surface.logRequest(request({ at: t(4), channel: '19:abd@thread.tacv2' }));
      store.surface.logRequest(request({ at: t(9), channel: '19:abc@thread.tacv2' }));
      store.surface.recordFeedback({ at: t(2), surface: 'teams', workspace: 'tn', channel: '19:abc@thread.tacv2;messageid=1', category: 'image', helpful: true, catalogVersion: 'v' });
      store.surface.recordFeedback({ at: t(3), surface: 'teams', workspace: 'tn', channel: '19:abc@thread.tacv2', category: 'image', helpful: false, catalogVersion: 'v' });
      store.surface.recordFeedback({ at: t(3), surface: 'teams', workspace: 'tn', channel: '19:abc@thread.tacv2x', category: 'image', helpful: true, catalogVersion: 'v' });
      const rows = await store.digest.requestsIn('19:abc@thread.tacv2', t(0), t(5));
      expect(rows).toEqual([
        { at: t(1), category: 'image', industry: 'retail', confidence: 0.8, volume: { count: 300, unit: 'image', period: 'month' }, matched: true, useCase: 'product-shots', text: 'I need 300 product shots a month' },
        { at: t(2), category: null, industry: 'retail', confidence: 0.8, volume: null, matched: false, useCase: null, text: 'I need 300 product shots a month' },
      ]);
      expect(await store.digest.feedbackIn('19:abc@thread.tacv2', t(0), t(5))).toEqual({ up: 1, down: 1 });
      expect(await store.digest.feedbackIn('C9', t(0), t(5))).toEqual({ up: 0, down: 0 });
    });

    it('keeps request text only when text logging is on', async () => {
      const { store } = await use({ logRequestText: false });
      store.surface.logRequest(request());
      expect((await store.digest.requestsIn('C1', new Date(0), new Date('2030-01-01')))[0]!.text).toBeNull();
    });

    it('keeps one snapshot per catalog version', async () => {
      const { store } = await use();
      await store.digest.saveCatalogSnapshot({ version: 'v1', tools: ['A', 'B'], useCases: ['x'] });
      await store.digest.saveCatalogSnapshot({ version: 'v1', tools: ['changed'], useCases: [] });
      expect(await store.digest.getCatalogSnapshot('v1')).toEqual({ version: 'v1', tools: ['A', 'B'], useCases: ['x'] });
      expect(await store.digest.getCatalogSnapshot('v2')).toBeUndefined();
    });
  });

  describe(`${backend} store: the request path`, () => {
    it("reads a person's history newest first, as many as asked, and this process's writes at once", async () => {
      const { store } = await use();
      for (let i = 0; i < 25; i++) store.surface.addHistory('hash-a', { at: new Date(Date.UTC(2026, 10, 1, 0, i)), text: `q${i}` });
      store.surface.addHistory('hash-b', { at: new Date(Date.UTC(2026, 10, 1)), text: 'other' });
      expect((await store.surface.recentHistory('hash-a', 3)).map((h) => h.text)).toEqual(['q24', 'q23', 'q22']);
      expect((await store.surface.recentHistory('hash-a', 100)).map((h) => h.text).slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => `q${24 - i}`));
      expect(await store.surface.recentHistory('hash-b', 5)).toEqual([{ at: new Date(Date.UTC(2026, 10, 1)), text: 'other' }]);
      expect(await store.surface.recentHistory('nobody', 5)).toEqual([]);
    });

    it('saves, replaces, lists and removes Teams conversation references, in order', async () => {
      const { store } = await use();
      const refs = store.surface.conversationRefs;
      const at = new Date('2026-12-01T00:00:00Z');
      refs.save({ conversationId: '19:b@thread.tacv2', tenantId: 't', scope: 'channel', reference: { serviceUrl: 'https://smba.one/' }, updatedAt: at, authenticated: false });
      refs.save({ conversationId: '19:a@thread.tacv2', tenantId: 't', scope: 'channel', reference: { serviceUrl: 'https://smba.one/' }, updatedAt: at, authenticated: false });
      refs.save({ conversationId: '19:a@thread.tacv2', tenantId: 't', scope: 'groupChat', reference: { serviceUrl: 'https://smba.two/' }, updatedAt: at, authenticated: true });
      refs.save({ conversationId: 'gone', tenantId: 't', scope: 'personal', reference: {}, updatedAt: at, authenticated: true });
      refs.remove('gone');
      expect((await refs.list()).map((r) => [r.conversationId, r.authenticated])).toEqual([['19:a@thread.tacv2', true], ['19:b@thread.tacv2', false]]);
      expect(await refs.get('19:a@thread.tacv2')).toEqual({ conversationId: '19:a@thread.tacv2', tenantId: 't', scope: 'groupChat', reference: { serviceUrl: 'https://smba.two/' }, updatedAt: at, authenticated: true });
      expect(await refs.get('gone')).toBeUndefined();
    });

    it('drops references saved without authentication, and keeps an older unmarked one only for a trusted service URL', async () => {
      const { store, exec } = await use();
      const refs = store.surface.conversationRefs;
      const at = new Date('2026-12-01T00:00:00Z');
      const trusted = (url: string): boolean => url.startsWith('https://smba.trafficmanager.net/');
      // Saved by a version before the flag: no authenticated value at all.
      for (const [id, url] of [['19:old-trusted@thread.v2', 'https://smba.trafficmanager.net/emea/'], ['19:old-planted@thread.v2', 'http://127.0.0.1:9/']])
        await exec(`INSERT INTO conversation_refs (conversation_id, tenant_id, scope, reference, updated_at) VALUES ('${id}', 't', 'groupChat', '{"serviceUrl":"${url}"}', 1)`);
      expect((await refs.get('19:old-trusted@thread.v2'))?.authenticated).toBe(false);
      refs.save({ conversationId: '19:signed@thread.v2', tenantId: 't', scope: 'groupChat', reference: { serviceUrl: 'http://127.0.0.1:9/' }, updatedAt: at, authenticated: true });
      // Not flushed first: the cleanup sees what this process queued.
      refs.save({ conversationId: '19:local@thread.v2', tenantId: 't', scope: 'groupChat', reference: { serviceUrl: 'https://smba.trafficmanager.net/emea/' }, updatedAt: at, authenticated: false });
      expect(await store.dropUnauthenticatedRefs(trusted)).toBe(2);
      expect((await refs.list()).map((r) => [r.conversationId, r.authenticated])).toEqual([['19:old-trusted@thread.v2', true], ['19:signed@thread.v2', true]]);
      expect(await store.dropUnauthenticatedRefs(trusted)).toBe(0);
      // A listener for the store's return after a fault can be registered on either backend.
      store.onBack(() => undefined);
    });

    it('deletes request log, feedback and history past the retention, and history beyond 20 per person', async () => {
      const { store } = await use();
      const old = new Date('2026-01-01T00:00:00Z');
      const recent = new Date('2026-11-30T00:00:00Z');
      store.surface.logRequest(request({ at: old }));
      store.surface.logRequest(request({ at: recent }));
      store.surface.recordFeedback({ at: old, surface: 'slack', workspace: 'T1', channel: 'C1', category: 'image', helpful: true, catalogVersion: 'v' });
      for (let i = 0; i < 30; i++) store.surface.addHistory('k', { at: new Date(recent.getTime() + i), text: `q${i}` });
      store.surface.addHistory('k2', { at: old, text: 'old' });
      await store.flush();
      const removed = await store.prune(new Date('2026-12-01T00:00:00Z'));
      // SQLite trims history lazily, Postgres per batch: either way 20 are left for `k`.
      expect(removed).toBeGreaterThanOrEqual(3);
      expect(await store.digest.requestsIn('C1', new Date(0), new Date('2030-01-01'))).toHaveLength(1);
      expect(await store.digest.feedbackIn('C1', new Date(0), new Date('2030-01-01'))).toEqual({ up: 0, down: 0 });
      expect((await store.surface.recentHistory('k', 100)).map((h) => h.text)).toEqual(Array.from({ length: 20 }, (_, i) => `q${29 - i}`));
      expect(await store.surface.recentHistory('k2', 5)).toEqual([]);
      expect(store.status()).toBe('ok');
      expect(store.held()).toBe(0);
    });
  });

  describe(`${backend} store: the policy log`, () => {
    const day = (d: number): Date => new Date(Date.UTC(2026, 10, d, 12));
    const facts = { unapproved: { category: 'image' as const, best: 'data' as const }, named: [{ name: 'Midjourney v6', status: 'prohibited' as const }], data: ['health' as const] };

    it('counts answers, named tools, data mentions and access requests by kind, subject and status within a window', async () => {
      const { store } = await use();
      for (const d of [10, 11, 11, 20]) store.surface.logRequest(request({ at: day(d), policy: { named: [{ name: 'Cursor', status: 'review' }], data: [] } }));
      store.surface.logRequest(request({ at: day(11), policy: facts }));
      store.surface.logRequest(request({ at: day(11) })); // nothing to count, but answered
      store.surface.recordAccessRequest({ at: day(11), surface: 'teams', workspace: 'tenant', subject: 'Cursor' });
      store.surface.recordAccessRequest({ at: day(12), surface: 'slack', workspace: 'T1', subject: 'Cursor' }); // the window's end: out
      // Not flushed first: the counts include what this process queued.
      const counts = await store.policy.policyCounts(day(10), day(12));
      expect(counts.requests).toBe(5);
      const key = (r: { kind: string; subject: string }): string => `${r.kind} ${r.subject}`;
      expect([...counts.rows].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([
        { kind: 'access', subject: 'Cursor', status: null, count: 1 },
        { kind: 'data', subject: 'health', status: null, count: 1 },
        { kind: 'named', subject: 'Cursor', status: 'review', count: 3 },
        { kind: 'named', subject: 'Midjourney v6', status: 'prohibited', count: 1 },
        { kind: 'unapproved', subject: 'image', status: 'data', count: 1 },
      ]);
    });

    it('is pruned with the request log', async () => {
      const { store } = await use();
      store.surface.logRequest(request({ at: day(1), policy: facts }));
      store.surface.recordAccessRequest({ at: day(1), surface: 'slack', workspace: 'T1', subject: 'Cursor' });
      store.surface.logRequest(request({ at: day(25), policy: facts }));
      await store.flush();
      // One request and its three policy rows, and the access request; retention is 90 days.
      expect(await store.prune(new Date(day(1).getTime() + 91 * 86_400_000))).toBe(5);
      expect((await store.policy.policyCounts(day(1), day(30))).rows.map((r) => r.count)).toEqual([1, 1, 1]);
    });
  });

  describe(`${backend} store: corrections`, () => {
    const correction = (over: Partial<NewCorrection> = {}): NewCorrection => ({
      at: new Date('2026-12-01T10:00:00Z'), surface: 'slack', workspace: 'T1', userKey: 'k1', text: 'a glimmerpost for the launch',
      answered: { category: 'image', industry: null }, chosen: { category: 'video', industry: 'retail' },
      catalogVersion: 'v1', modelVersion: 'm1', flagged: false, ...over,
    });

    it('adds, reads back, lists by status oldest first, and decides in one go', async () => {
      const { store, again } = await use();
      const a = await store.corrections.add(correction());
      const b = await store.corrections.add(correction({ at: new Date('2026-12-01T11:00:00Z'), text: null, chosen: { category: 'none', industry: null } }));
      expect(a).toMatchObject({ status: 'pending', decidedBy: null, decidedAt: null, text: 'a glimmerpost for the launch', chosen: { category: 'video', industry: 'retail' } });
      expect(await store.corrections.get(b.id)).toEqual(b);
      expect((await store.corrections.list('pending')).map((c) => c.id)).toEqual([a.id, b.id]);
      const at = new Date('2026-12-02T09:00:00Z');
      expect(await store.corrections.decide([a.id, 'cor_0000000000'], 'accepted', 'cli:owner', at)).toEqual([a.id]);
      // Another replica (or the CLI) sees the decision.
      const other = await again();
      expect(await other.corrections.get(a.id)).toMatchObject({ status: 'accepted', decidedBy: 'cli:owner', decidedAt: at });
      expect((await other.corrections.list('pending')).map((c) => c.id)).toEqual([b.id]);
      expect(await other.corrections.get('cor_ffffffffff')).toBeUndefined();
    });

    it('counts and flags one person’s corrections within a window', async () => {
      const { store } = await use();
      for (const minute of [0, 10, 20]) await store.corrections.add(correction({ at: new Date(Date.UTC(2026, 11, 1, 10, minute)) }));
      await store.corrections.add(correction({ userKey: 'k2' }));
      const since = new Date('2026-12-01T10:05:00Z');
      expect(await store.corrections.countSince('k1', since)).toBe(2);
      expect(await store.corrections.isFlagged('k1')).toBe(false);
      expect(await store.corrections.flagSince('k1', since)).toBe(2);
      expect(await store.corrections.isFlagged('k1')).toBe(true);
      expect(await store.corrections.isFlagged('k2')).toBe(false);
    });
  });

  describe(`${backend} store: Slack installations`, () => {
    const KEY = Buffer.alloc(32, 7);
    it('keeps one installation per workspace and per org-wide organisation, serving a Grid workspace from its own first', async () => {
      const { store } = await use({ secretKey: KEY });
      const s = store.installations;
      await s.save(installation('T1'));
      await s.save(orgInstallation('E1'));
      await s.save(installation('T2', { enterpriseId: 'E1' }));
      expect((await s.find({ teamId: 'T2', enterpriseId: 'E1' }))!.botToken).toBe('xoxb-T2-token');
      expect((await s.find({ teamId: 'T7', enterpriseId: 'E1' }))!.botToken).toBe('xoxb-E1-token');
      expect(await s.locate({ teamId: 'T7', enterpriseId: 'E1' })).toBe('E:E1');
      expect(await s.find({ enterpriseId: 'E1', isEnterpriseInstall: true })).toEqual(orgInstallation('E1'));
      expect(await s.find({ teamId: 'T7' })).toBeUndefined();
      expect(await s.find({})).toBeUndefined();
      expect((await s.list()).map((i) => [i.key, (i as unknown as { botToken?: string }).botToken])).toEqual([['E:E1', undefined], ['T:T1', undefined], ['T:T2', undefined]]);
      await expect(s.save(installation('T9', { teamId: null }))).rejects.toMatchObject({ code: 'slack_installation_invalid' });
    });

    it('replaces on reinstall keeping the install date, removes exactly the one named, and reseals after a key rotation', async () => {
      const { store, again } = await use({ secretKey: KEY });
      await store.installations.save(installation('T1'));
      await store.installations.save(installation('T1', { botToken: 'xoxe.xoxb-new', botRefreshToken: 'xoxe-1-r', botExpiresAt: 1_800_000_000, installedAt: new Date('2026-12-05T00:00:00Z') }));
      await store.installations.save(orgInstallation('E1'));
      const t1 = (await store.installations.find({ teamId: 'T1' }))!;
      expect(t1).toMatchObject({ botToken: 'xoxe.xoxb-new', botRefreshToken: 'xoxe-1-r', botExpiresAt: 1_800_000_000 });
      expect(t1.installedAt).toEqual(new Date('2026-11-30T12:00:00Z'));
      expect(await store.installations.remove({ teamId: 'T2' })).toBe(false);
      expect(await store.installations.remove({ enterpriseId: 'E1', isEnterpriseInstall: true })).toBe(true);
      const rotated = await again({ secretKey: Buffer.alloc(32, 9), previousKey: KEY });
      expect(await rotated.installations.reseal()).toBe(1);
      expect(await rotated.installations.reseal()).toBe(0);
      expect((await rotated.installations.find({ teamId: 'T1' }))!.botToken).toBe('xoxe.xoxb-new');
      const withoutOldKey = await again({ secretKey: Buffer.alloc(32, 9) });
      expect((await withoutOldKey.installations.find({ teamId: 'T1' }))!.botRefreshToken).toBe('xoxe-1-r');
      const wrongKey = await again({ secretKey: Buffer.alloc(32, 3) });
      await expect(wrongKey.installations.find({ teamId: 'T1' })).rejects.toMatchObject({ code: 'secret_unreadable' });
    });
  });
}
