// SIGTERM on the built server process (`npm start`): it stops accepting, finishes the request
// in flight, closes the store (SQLite folds its WAL back into the file) and exits 0 within 10 s,
// even when a client never finishes its request.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../digest/built-cli.js';
import { Connector, message } from '../teams/support.js';
import { slowPost } from './fixture.js';
import { startServerProcess } from './server-process.js';

const MAIN = join(ROOT, 'dist', 'src', 'server', 'main.js');
let connector: Connector;
const dir = mkdtempSync(join(tmpdir(), 'which-tool-sigterm-'));

beforeAll(async () => {
  ensureBuilt();
  connector = await new Connector().start();
}, 120_000);
afterAll(async () => {
  await connector.stop();
  rmSync(dir, { recursive: true, force: true });
});

const start = (name: string) =>
  startServerProcess(MAIN, ROOT, { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', WHICH_TOOL_DB: join(dir, `${name}.db`) });

describe('SIGTERM', () => {
  it('finishes the request in flight, refuses new ones, closes the store and exits 0', async () => {
    const server = await start('drain');
    const db = join(dir, 'drain.db');
    expect(existsSync(`${db}-wal`)).toBe(true);
    const sent = message(connector.url, 'personal', 'translate our FAQ into 5 languages');
    const inFlight = slowPost(`${server.url}/api/messages`, JSON.stringify(sent));
    await inFlight.started;
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    inFlight.finish();
    expect((await inFlight.response).status).toBe(200);
    expect(await server.exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    // The answer to that very request reached the connector, as a reply to it.
    expect(connector.received.map((r) => r.body.replyToId)).toContain(sent.id);
    expect(JSON.stringify(connector.received.find((r) => r.body.replyToId === sent.id)!.body.attachments)).toMatch(/language model|translat/i);
    // The last connection closed cleanly: SQLite checkpointed and removed the write-ahead log.
    expect(existsSync(`${db}-wal`)).toBe(false);
    const lines = server.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down: no new connections, finishing requests in flight', 'stopped']));
  });

  it('exits 0 within 10 s even when a client never finishes its request', async () => {
    const server = await start('stalled');
    const stalled = slowPost(`${server.url}/api/messages`, JSON.stringify(message(connector.url, 'personal', 'never sent in full')));
    await stalled.started;
    stalled.response.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const ms = Date.now() - t0;
    expect(ms).toBeGreaterThan(5_000);
    expect(ms).toBeLessThan(10_000);
    expect(existsSync(join(dir, 'stalled.db-wal'))).toBe(false);
  });
});
