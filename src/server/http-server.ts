// The one HTTP server: routes requests to surfaces, enforces the body-size limit, answers
// /healthz, and never lets a handler's failure take the process down or leak internals.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../log/logger.js';
import { MAX_BODY_BYTES, type Mountable, type Route } from './routes.js';

export interface HttpServerOptions {
  readonly surfaces: readonly Mountable[];
  readonly log: Logger;
  readonly health: () => Record<string, unknown>;
}

const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

export function createHttpServer(options: HttpServerOptions): Server {
  const table = new Map<string, Route>();
  for (const s of options.surfaces) for (const r of s.routes) table.set(`${r.method} ${r.path}`, r);

  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method === 'GET' && path === '/healthz') return sendJson(res, 200, { status: 'ok', ...options.health() });
    const route = table.get(`${req.method} ${path}`);
    if (!route) return sendJson(res, 404, { error: 'not found' });
    // Limits by the declared length: reading the body here would race the surface's own reader.
    // Slack and the Bot Framework always declare it, so a chunked upload is refused.
    const declared = req.headers['content-length'];
    if (req.method === 'POST' && declared === undefined) {
      req.resume();
      return sendJson(res, 411, { error: 'content-length required' });
    }
    if (Number(declared ?? 0) > MAX_BODY_BYTES) {
      req.resume();
      return sendJson(res, 413, { error: 'request body too large' });
    }
    Promise.resolve()
      .then(() => route.handler(req, res))
      .catch((err: unknown) => {
        options.log.error({ err, route: path }, 'handler failed');
        sendJson(res, 500, { error: 'internal error' });
      });
  });
}
