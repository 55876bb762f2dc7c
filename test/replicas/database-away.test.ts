// A built server on Postgres whose database goes away (the link cut on the wire) and comes back:
// answers keep flowing, /healthz stays 200 and says the store is unavailable, /metrics counts
// the writes held, and once the database answers again they are written and the store is "ok".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../digest/built-cli.js';
import type { ServerProcess } from '../ship/server-process.js';
import { freshDatabase, query } from '../helpers/postgres.js';
import { tcpGate, type TcpGate } from '../helpers/tcp-gate.js';
import { Connector, message, post } from '../teams/support.js';
import { replicaEnv, startReplica, stopReplica, waitFor } from './processes.js';

let db: string;
let gate: TcpGate;
let server: ServerProcess;
const connector = new Connector();

beforeAll(async () => {
  ensureBuilt();
  await connector.start();
  db = await freshDatabase('away');
  gate = await tcpGate(Number(new URL(db).port));
  const through = new URL(db);
  through.port = String(gate.port);
  server = await startReplica(replicaEnv(through.toString(), { WHICH_TOOL_SCHEDULER: 'off' }));
}, 60_000);

afterAll(async () => {
  if (server) await stopReplica(server);
  await gate.stop();
  await connector.stop();
});

const health = async (): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await fetch(`${server.url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const metric = async (name: string): Promise<number> => {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
};

describe('the database away, with a real server', () => {
  it('keeps answering, reports the store unavailable, and writes what it held once the database is back', async () => {
    expect((await health()).body.store).toBe('ok');
    gate.close();
    for (let i = 0; i < 5; i++) {
      const res = await post(`${server.url}/api/messages`, message(connector.url, 'personal', 'I need 300 product shots a month for the shop'));
      expect(res.status).toBeLessThan(300);
    }
    await waitFor('five answers', () => connector.received.length, (n) => n >= 5);
    const away = await waitFor('the store reported unavailable', health, (h) => h.body.store === 'unavailable');
    expect(away.status).toBe(200);
    expect(await metric('which_tool_store_up')).toBe(0);
    expect(await metric('which_tool_store_writes_held')).toBeGreaterThanOrEqual(5);

    gate.open();
    await waitFor('the store back', health, (h) => h.body.store === 'ok', 15_000);
    await waitFor('held writes written', () => metric('which_tool_store_writes_held'), (n) => n === 0);
    expect(await metric('which_tool_store_up')).toBe(1);
    expect(await query(db, 'SELECT COUNT(*)::int AS n FROM request_log')).toEqual([{ n: 5 }]);
    expect(server.output().match(/the database is unavailable; answers go on and writes are held/g)).toHaveLength(1);
  }, 30_000);
});
