// A controllable clock walks the scheduler's ticks through weeks in which daylight saving
// changes: every digest still comes at its local time, once per period.
import { afterEach, describe, expect, it } from 'vitest';
import { DigestRunner } from '../../src/digest/runner.js';
import { startScheduler } from '../../src/digest/scheduler.js';
import { SlackSender } from '../../src/digest/slack-sender.js';
import { silentLogger } from '../../src/log/logger.js';
import { openSqliteStore, type OpenStore } from '../../src/store/sqlite.js';
import { shippedCatalog } from '../helpers/catalog.js';
import { perChannel, slackStandIn, tempDbPath, type StandIn } from './stand-ins.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setup(): Promise<{ store: OpenStore; api: StandIn; runner: DigestRunner }> {
  const api = await slackStandIn();
  const store = openSqliteStore({ path: tempDbPath(), logRequestText: false, retentionDays: 90, log: silentLogger() });
  cleanup.push(() => api.close(), () => store.close());
  const sender = new SlackSender({ apiUrl: api.url, botToken: 'xoxb-t', workspacePace: { perSecond: 1000, burst: 50 }, channelPace: { perSecond: 1000, burst: 5 } });
  const runner = new DigestRunner({ store: store.digest, catalog: shippedCatalog(), sender, log: silentLogger(), graceHours: 6 });
  return { store, api, runner };
}

const local = (d: Date, timeZone: string): string =>
  d.toLocaleString('sv-SE', { timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

async function walk(runner: DigestRunner, from: string, to: string, stepMinutes: number): Promise<void> {
  for (let t = Date.parse(from); t <= Date.parse(to); t += stepMinutes * 60_000) await runner.runDue(new Date(t));
}

describe('daylight saving', () => {
  it('keeps local times through the end of summer time (Berlin 25 Oct, New York 1 Nov 2026)', async () => {
    const { store, api, runner } = await setup();
    const created = new Date('2026-10-21T00:00:00Z');
    const sub = (channel: string, schedule: string, timeZone: string) =>
      store.digest.upsertSubscription({ platform: 'slack', workspace: 'T1', channel, schedule, timeZone }, created);
    const berlin = await sub('CBERLIN', '0 9 * * *', 'Europe/Berlin');
    const night = await sub('CNIGHT', '30 2 * * *', 'Europe/Berlin'); // 02:30 happens twice on 25 Oct
    const ny = await sub('CNY', '0 9 * * 1', 'America/New_York');
    await walk(runner, '2026-10-22T00:00:00Z', '2026-11-03T23:59:00Z', 10);

    const sent = async (id: string): Promise<string[]> => (await store.digest.listDeliveries(id)).filter((d) => d.status === 'sent').map((d) => d.periodAt.toISOString());
    const berlinSent = await sent(berlin.id);
    expect(berlinSent).toHaveLength(13);
    expect(berlinSent.filter((t) => t.startsWith('2026-10-24') || t.startsWith('2026-10-25') || t.startsWith('2026-10-26'))).toEqual([
      '2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z', '2026-10-26T08:00:00.000Z',
    ]);
    for (const t of berlinSent) expect(local(new Date(t), 'Europe/Berlin')).toMatch(/ 09:00$/);
    const nights = await sent(night.id);
    expect(nights).toHaveLength(13);
    expect(new Set(nights.map((t) => /\d{4}-\d{2}-\d{2}/.exec(local(new Date(t), 'Europe/Berlin'))![0])).size).toBe(13);
    expect(await sent(ny.id)).toEqual(['2026-10-26T13:00:00.000Z', '2026-11-02T14:00:00.000Z']);
    for (const t of await sent(ny.id)) expect(local(new Date(t), 'America/New_York')).toMatch(/^mån.* 09:00$/);
    expect(perChannel(api.accepted)).toEqual(new Map([['CBERLIN', 13], ['CNIGHT', 13], ['CNY', 2]]));
  });

  it('keeps local times through the start of summer time (Berlin 29 Mar 2026, when 02:30 does not exist)', async () => {
    const { store, runner } = await setup();
    const night = await store.digest.upsertSubscription({ platform: 'slack', workspace: 'T1', channel: 'CNIGHT', schedule: '30 2 * * *', timeZone: 'Europe/Berlin' }, new Date('2026-03-26T00:00:00Z'));
    await walk(runner, '2026-03-27T00:00:00Z', '2026-03-31T23:59:00Z', 10);
    const sent = (await store.digest.listDeliveries(night.id)).filter((d) => d.status === 'sent').map((d) => d.periodAt.toISOString());
    expect(sent).toEqual(['2026-03-27T01:30:00.000Z', '2026-03-28T01:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z', '2026-03-31T00:30:00.000Z']);
  });

  it('the in-process scheduler catches up a digest missed while the server was down, on start-up', async () => {
    const { store, api, runner } = await setup();
    await store.digest.upsertSubscription({ platform: 'slack', workspace: 'T1', channel: 'CMISSED', schedule: '0 9 * * 1', timeZone: 'Europe/Berlin' }, new Date('2026-11-01T00:00:00Z'));
    const scheduler = startScheduler({ runner, log: silentLogger(), prune: async () => 0, now: () => new Date('2026-12-07T11:30:00Z') });
    const report = await scheduler.caughtUp;
    await scheduler.stop();
    expect(report?.sent).toHaveLength(1);
    expect(api.accepted.map((m) => m.channel)).toEqual(['CMISSED']);
  });
});
