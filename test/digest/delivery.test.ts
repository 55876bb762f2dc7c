// Delivery through the runner to local Slack and Teams stand-ins on a real SQLite file:
// exactly once per subscription and period, 429s, a crash in the middle, dead channels.
import { afterEach, describe, expect, it } from 'vitest';
import { claimOwner, LEASE_MS } from '../../src/digest/claim-owner.js';
import { DigestRunner } from '../../src/digest/runner.js';
import type { DigestSender } from '../../src/digest/sender.js';
import { SlackSender } from '../../src/digest/slack-sender.js';
import { silentLogger } from '../../src/log/logger.js';
import { openSqliteStore, type OpenStore } from '../../src/store/sqlite.js';
import { shippedCatalog } from '../helpers/catalog.js';
import { perChannel, slackStandIn, tempDbPath, type StandIn } from './stand-ins.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const open = (path: string): OpenStore => {
  const s = openSqliteStore({ path, logRequestText: false, retentionDays: 90, log: silentLogger() });
  cleanup.push(() => s.close());
  return s;
};
const slack = async (): Promise<StandIn> => {
  const s = await slackStandIn();
  cleanup.push(() => s.close());
  return s;
};
const fastSlack = (apiUrl: string): SlackSender =>
  new SlackSender({ apiUrl, botToken: 'xoxb-test', workspacePace: { perSecond: 5000, burst: 200 }, channelPace: { perSecond: 1000, burst: 1 } });

const CREATED = new Date('2026-11-01T00:00:00Z');
const MONDAY_0900_BERLIN = new Date('2026-12-07T08:00:00Z');
const channelId = (i: number): string => `C${String(i).padStart(6, '0')}`;

function subscribeMany(store: OpenStore, n: number): void {
  store.db.transaction(() => {
    for (let i = 0; i < n; i++)
      void store.digest.upsertSubscription({ platform: 'slack', workspace: `T${i % 3}`, channel: channelId(i), schedule: '0 9 * * 1', timeZone: 'Europe/Berlin' }, CREATED);
  })();
}

const runner = (store: OpenStore, sender: DigestSender, extra: Partial<ConstructorParameters<typeof DigestRunner>[0]> = {}): DigestRunner =>
  new DigestRunner({ store: store.digest, catalog: shippedCatalog(), sender, log: silentLogger(), graceHours: 6, ...extra });

/** Hands the first `n` sends on, then hangs like a process that died mid-run. */
class CrashAfter implements DigestSender {
  started = 0;
  finished = 0;
  constructor(private readonly inner: DigestSender, private readonly n: number) {}
  send(...args: Parameters<DigestSender['send']>): ReturnType<DigestSender['send']> {
    if (this.started >= this.n) return new Promise(() => undefined);
    this.started++;
    return this.inner.send(...args).finally(() => this.finished++);
  }
}

describe('digest delivery', () => {
  it('400 subscriptions, injected 429s, a crash mid-run: after a restart every live channel has exactly one digest', async () => {
    const api = await slack();
    const dead = new Map([[channelId(13), 'channel_not_found'], [channelId(200), 'is_archived'], [channelId(361), 'not_in_channel']]);
    let limited = 0;
    api.inject = (channel, attempt, n) => {
      if (dead.has(channel)) return { status: 200, body: { ok: false, error: dead.get(channel) } };
      // Two bursts of 429s (Retry-After 1 s), each channel's first attempt only.
      if (attempt === 1 && ((n > 40 && n <= 70) || (n > 280 && n <= 300))) {
        limited++;
        return { status: 429, headers: { 'retry-after': '1' } };
      }
      return undefined;
    };
    const path = tempDbPath();
    const first = open(path);
    subscribeMany(first, 400);

    const crashing = new CrashAfter(fastSlack(api.url), 240);
    void runner(first, crashing, { owner: claimOwner(Date.now, 'host-a:1:first') }).runDue(MONDAY_0900_BERLIN);
    await expect.poll(() => crashing.finished, { timeout: 15_000 }).toBe(240);
    // Let the runner record the last outcomes before the "process" dies.
    await new Promise((r) => setTimeout(r, 50));
    const claimedAtCrash = (first.db.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'claimed'").get() as { n: number }).n;
    first.close();
    expect(claimedAtCrash).toBeGreaterThan(0);

    // The restart: a new connection and a new runner, after the dead runner's lease ran out.
    const second = open(path);
    const later = (): number => Date.now() + LEASE_MS + 1000;
    const report = await runner(second, fastSlack(api.url), { owner: claimOwner(later, 'host-a:1:second') }).runDue(new Date(MONDAY_0900_BERLIN.getTime() + 5 * 60_000));

    expect(limited).toBeGreaterThanOrEqual(30);
    const counts = perChannel(api.accepted);
    for (let i = 0; i < 400; i++) expect(counts.get(channelId(i)) ?? 0, channelId(i)).toBe(dead.has(channelId(i)) ? 0 : 1);
    expect(api.accepted).toHaveLength(397);
    expect(report.failed).toEqual([]);
    const paused = (await second.digest.listSubscriptions()).filter((s) => s.status === 'paused');
    expect(paused.map((s) => [s.channel, s.pausedReason]).sort()).toEqual([...dead.entries()].sort());
    // A third run for the same period sends nothing.
    const again = await runner(second, fastSlack(api.url)).runDue(MONDAY_0900_BERLIN);
    expect(again.sent).toEqual([]);
    expect(api.accepted).toHaveLength(397);
  });

  it('waits for Retry-After before retrying a 429', async () => {
    const api = await slack();
    api.inject = (_c, attempt) => (attempt === 1 ? { status: 429, headers: { 'retry-after': '1' } } : undefined);
    const store = open(tempDbPath());
    await store.digest.upsertSubscription({ platform: 'slack', workspace: 'T1', channel: 'C1', schedule: '0 9 * * 1', timeZone: 'Europe/Berlin' }, CREATED);
    const started = Date.now();
    const report = await runner(store, fastSlack(api.url)).runDue(MONDAY_0900_BERLIN);
    expect(report.sent).toHaveLength(1);
    expect(api.requests).toBe(2);
    expect(api.accepted[0]!.at - started).toBeGreaterThanOrEqual(990);
    expect(api.accepted[0]!.authorization).toBe('Bearer xoxb-test');
    expect(api.accepted[0]!.body).toMatchObject({ channel: 'C1', text: expect.stringContaining('Which Tool digest') });
    expect((api.accepted[0]!.body.blocks as { type: string }[])[0]!.type).toBe('header');
  });

  it('sends a missed digest on start-up within the grace window and records it as skipped outside it', async () => {
    const api = await slack();
    const store = open(tempDbPath());
    const a = await store.digest.upsertSubscription({ platform: 'slack', workspace: 'T1', channel: 'CINSIDE', schedule: '0 9 * * 1', timeZone: 'Europe/Berlin' }, CREATED);
    const b = await store.digest.upsertSubscription({ platform: 'slack', workspace: 'T1', channel: 'COUTSIDE', schedule: '0 2 * * 1', timeZone: 'Europe/Berlin' }, CREATED);
    // 13:59 Berlin: 09:00 was 4 h 59 min ago (inside 6 h), 02:00 was 11 h 59 min ago (outside).
    const report = await runner(store, fastSlack(api.url)).runDue(new Date('2026-12-07T12:59:00Z'));
    expect(report.sent).toEqual([a.id]);
    expect(report.skipped).toEqual([b.id]);
    expect((await store.digest.getDelivery(b.id, new Date('2026-12-07T01:00:00Z')))?.status).toBe('skipped');
    expect(api.accepted.map((m) => m.channel)).toEqual(['CINSIDE']);
    // Earlier missed Mondays since the subscription are on record as skipped too, not sent.
    expect((await store.digest.listDeliveries(a.id)).filter((d) => d.status === 'skipped').length).toBeGreaterThan(0);
  });

  it('retries a failed delivery on a later run in the same period, then stops after five attempts', async () => {
    const api = await slack();
    let failures = 2;
    api.inject = () => (failures-- > 0 ? { status: 200, body: { ok: false, error: 'msg_too_long' } } : undefined);
    const store = open(tempDbPath());
    await store.digest.upsertSubscription({ platform: 'slack', workspace: 'T1', channel: 'C1', schedule: '0 9 * * 1', timeZone: 'Europe/Berlin' }, CREATED);
    const r = runner(store, fastSlack(api.url));
    expect((await r.runDue(MONDAY_0900_BERLIN)).failed[0]?.reason).toBe('msg_too_long');
    expect((await r.runDue(MONDAY_0900_BERLIN)).failed).toHaveLength(1);
    expect((await r.runDue(MONDAY_0900_BERLIN)).sent).toHaveLength(1);
    expect((await r.runDue(MONDAY_0900_BERLIN)).sent).toHaveLength(0);
    expect(api.accepted).toHaveLength(1);
  });

  it('takes over a claim at once when the process holding it is gone', async () => {
    const { spawnSync } = await import('node:child_process');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const { hostname } = await import('node:os');
    const owner = claimOwner();
    expect(owner.isStale(`${hostname()}:${gone.stdout}:x`, Date.now() + LEASE_MS)).toBe(true);
    expect(owner.isStale(`${hostname()}:${process.ppid}:x`, Date.now() + LEASE_MS)).toBe(false);
    expect(owner.isStale(`other-host:1:x`, Date.now() + LEASE_MS)).toBe(false);
    expect(owner.isStale(`other-host:1:x`, Date.now() - 1)).toBe(true);
  });
});
