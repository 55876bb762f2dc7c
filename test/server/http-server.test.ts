// The one HTTP server keeps going when a surface's handler fails, whether it throws at once or
// rejects later: the caller gets a plain 500, the log gets the cause, nothing else leaks.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { createHttpServer } from '../../src/server/http-server.js';

const lines: Record<string, unknown>[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  const log = createLogger('info', new Writable({ write: (c, _e, cb) => (lines.push(JSON.parse(String(c)) as Record<string, unknown>), cb()) }));
  server = createHttpServer({
    log,
    health: () => ({}),
    surfaces: [
      {
        name: 'faulty',
        routes: [
          { method: 'GET', path: '/throws', handler: () => { throw new Error('secret detail at /srv/x.js'); } },
          { method: 'GET', path: '/rejects', handler: async () => { await Promise.resolve(); throw new Error('secret detail at /srv/y.js'); } },
          { method: 'GET', path: '/fine', handler: (_req, res) => void res.end('ok') },
        ],
      },
    ],
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('a failing handler', () => {
  it.each(['/throws', '/rejects'])('%s gets a plain 500, its cause is logged, and the server goes on', async (path) => {
    const res = await fetch(url + path);
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ error: 'internal error' });
    expect(body).not.toContain('secret detail');
    const id = res.headers.get('x-request-id');
    expect(lines.some((l) => l.msg === 'handler failed' && l.route === path && JSON.stringify(l.err).includes('secret detail'))).toBe(true);
    await expect.poll(() => lines.find((l) => l.msg === 'request' && l.reqId === id)?.status).toBe(500);
    expect(await (await fetch(`${url}/fine`)).text()).toBe('ok');
  });
});
