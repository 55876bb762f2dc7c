// Three built servers started together on one empty Postgres database: each applies the
// migrations at start-up under the advisory lock, so all three become ready and the schema is
// applied exactly once; a digest subscribed in Teams through each replica lands in one list,
// which every replica and `which-tool digest list` read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_MIGRATIONS } from '../../src/store/pg/migrations.js';
import type { ServerProcess } from '../ship/server-process.js';
import { ensureBuilt } from '../digest/built-cli.js';
import { freshDatabase, query } from '../helpers/postgres.js';
import { Connector, message, post, TENANT } from '../teams/support.js';
import { replicaEnv, startReplicas, stopReplica, waitFor, whichTool } from './processes.js';

let db: string;
let replicas: ServerProcess[] = [];
const connector = new Connector();

beforeAll(async () => {
  ensureBuilt();
  await connector.start();
  db = await freshDatabase('replicas');
  // Together, on an empty database: no replica waits for another to be up first.
  replicas = await startReplicas(3, replicaEnv(db, { WHICH_TOOL_SCHEDULER: 'off' }));
}, 60_000);

afterAll(async () => {
  await Promise.all(replicas.map(stopReplica));
  await connector.stop();
});

/** A channel message in its own Teams channel, sent to one replica. */
const inChannel = (channel: string, text: string): Record<string, unknown> => {
  const m = message(connector.url, 'channel', text);
  return { ...m, conversation: { id: channel, conversationType: 'channel', tenantId: TENANT, isGroup: true }, channelData: { tenant: { id: TENANT }, channel: { id: channel } } };
};

describe('three replicas on one Postgres database', () => {
  it('all become ready, with the schema applied once', async () => {
    for (const r of replicas) {
      const res = await fetch(`${r.url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', store: 'ok' });
    }
    const applied = await query<{ version: number }>(db, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(applied.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((m) => m.version));
    // Each replica logged the schema as up to date; none failed to apply it.
    for (const r of replicas) expect(r.output()).toContain('Postgres schema is up to date');
  });

  it('keeps one list of subscriptions, whichever replica took each', async () => {
    const channels = ['19:one@thread.tacv2', '19:two@thread.tacv2', '19:three@thread.tacv2'];
    for (const [i, channel] of channels.entries()) {
      const res = await post(`${replicas[i]!.url}/api/messages`, inChannel(channel, 'digest weekly monday 09:00 Europe/Berlin'));
      expect(res.status).toBeLessThan(300);
    }
    await waitFor('three replies', () => connector.received.length, (n) => n >= 3);
    const listed = await whichTool(['digest', 'list', '--json'], replicaEnv(db)).done;
    expect(listed.code, listed.out).toBe(0);
    const subs = JSON.parse(listed.out) as { channel: string; schedule: string }[];
    expect(subs.map((s) => s.channel).sort()).toEqual([...channels].sort());
    expect(new Set(subs.map((s) => s.schedule))).toEqual(new Set(['0 9 * * 1']));
    // The third replica knows the digest the first one set up.
    const before = connector.received.length;
    await post(`${replicas[2]!.url}/api/messages`, inChannel(channels[0]!, 'digest'));
    const [reply] = (await waitFor('the status reply', () => connector.received.slice(before), (r) => r.length >= 1));
    expect(JSON.stringify(reply!.body)).toMatch(/Monday/i);
    expect(JSON.stringify(reply!.body)).not.toMatch(/No digest here/);
  });
});
