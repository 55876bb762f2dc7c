// Teams digests through stored conversation references to a Bot Connector stand-in: Adaptive
// Card attachments, backoff on 429/412/502/504, dead conversations paused, and the pace limits.
import { afterEach, describe, expect, it } from 'vitest';
import { DigestRunner } from '../../src/digest/runner.js';
import { TeamsSender } from '../../src/digest/teams-sender.js';
import { silentLogger } from '../../src/log/logger.js';
import { openSqliteStore, type OpenStore } from '../../src/store/sqlite.js';
import { serviceUrlPolicy } from '../../src/teams/service-url.js';
import { shippedCatalog } from '../helpers/catalog.js';
import { perChannel, teamsStandIn, tempDbPath, type StandIn } from './stand-ins.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setup(conversations: number): Promise<{ store: OpenStore; api: StandIn }> {
  const api = await teamsStandIn();
  const store = openSqliteStore({ path: tempDbPath(), logRequestText: false, retentionDays: 90, log: silentLogger() });
  cleanup.push(() => api.close(), () => store.close());
  for (let i = 0; i < conversations; i++) {
    const id = `19:conv${i}@thread.tacv2`;
    store.surface.conversationRefs.save({ conversationId: id, tenantId: 'tenant-1', scope: 'channel', reference: { serviceUrl: `${api.url}/`, conversation: { id } }, updatedAt: new Date(), authenticated: false });
    await store.digest.upsertSubscription({ platform: 'teams', workspace: 'tenant-1', channel: id, schedule: '30 8 * * *', timeZone: 'UTC' }, new Date('2026-11-01T00:00:00Z'));
  }
  return { store, api };
}

const AT = new Date('2026-12-07T08:30:00Z');
// The stand-in connector is on this machine: the digests go out as in local mode, without a token.
const local = serviceUrlPolicy({ mode: 'local', extraServiceHosts: [] });
const run = (store: OpenStore, sender: TeamsSender): ReturnType<DigestRunner['runDue']> =>
  new DigestRunner({ store: store.digest, catalog: shippedCatalog(), sender, log: silentLogger(), graceHours: 6 }).runDue(AT);

describe('Teams digests', () => {
  it('retries 429, 412, 502 and 504 with backoff, and pauses a conversation that blocks writes', async () => {
    const { store, api } = await setup(6);
    const statuses = [429, 412, 502, 504];
    api.inject = (channel, attempt) => {
      if (channel === '19:conv5@thread.tacv2') return { status: 403, body: { error: { code: 'MessageWritesBlocked', message: 'Thread is blocked' } } };
      const i = Number(/conv(\d)/.exec(channel)![1]);
      return attempt <= (i % 4) + 1 && i < 4 ? { status: statuses[i]! } : undefined;
    };
    const sender = new TeamsSender({ refs: store.surface.conversationRefs, policy: local, backoff: { baseMs: 20, maxMs: 200 }, tenantPace: { perSecond: 1000, burst: 10 }, threadPace: { perSecond: 1000, burst: 10 } });
    const report = await run(store, sender);
    expect(report.sent).toHaveLength(5);
    expect(report.paused).toEqual([{ id: expect.any(String), channel: '19:conv5@thread.tacv2', reason: 'MessageWritesBlocked' }]);
    expect((await store.digest.findSubscription('teams', '19:conv5@thread.tacv2'))?.status).toBe('paused');
    const counts = perChannel(api.accepted);
    for (let i = 0; i < 5; i++) expect(counts.get(`19:conv${i}@thread.tacv2`)).toBe(1);
    // 1+2+3+4 throttled answers before the successes, plus the blocked one.
    expect(api.requests).toBe(10 + 5 + 1);
    const activity = api.accepted[0]!.body as { type: string; attachments: { contentType: string; content: { type: string; body: unknown[] } }[] };
    expect(activity.type).toBe('message');
    expect(activity.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(activity.attachments[0]!.content.type).toBe('AdaptiveCard');
    expect(JSON.stringify(activity.attachments[0]!.content.body)).toContain('Which Tool digest');
    expect(api.accepted[0]!.authorization).toBeUndefined();
  });

  it('stays under 30 messages a second per tenant with the default pace', async () => {
    const { store, api } = await setup(70);
    // Timed as the sender sends, through the real fetch to the stand-in: on a machine busy with
    // other jobs, the stand-in in this same process stamps arrivals late and in bunches.
    const sentAt: number[] = [];
    const timed: typeof fetch = (input, init) => (sentAt.push(Date.now()), fetch(input, init));
    const sender = new TeamsSender({ refs: store.surface.conversationRefs, policy: local, fetch: timed });
    const report = await run(store, sender);
    expect(report.sent).toHaveLength(70);
    expect(api.accepted).toHaveLength(70);
    const times = sentAt.sort((a, b) => a - b);
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    expect(busiest).toBeLessThanOrEqual(30);
    expect(busiest).toBeGreaterThanOrEqual(20);
  });

  it('reports a subscription with no stored conversation reference as failed, not sent', async () => {
    const { store } = await setup(0);
    await store.digest.upsertSubscription({ platform: 'teams', workspace: 't', channel: '19:unknown@thread.tacv2', schedule: '30 8 * * *', timeZone: 'UTC' }, new Date('2026-11-01T00:00:00Z'));
    const report = await run(store, new TeamsSender({ refs: store.surface.conversationRefs, policy: local }));
    expect(report.failed[0]?.reason).toMatch(/no conversation reference/);
  });
});
