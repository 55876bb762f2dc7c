// The one HTTP server: routes requests to surfaces, enforces the body-size limit, answers
// /healthz, and never lets a handler's failure take the process down or leak internals.
// Every request gets an id (X-Request-Id), one log line (method, route, status, ms; never the
// body) and a count in /metrics by surface and status class.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../log/logger.js';
import { requestIdFor, tagRequest } from '../log/request-context.js';
import { recordHttpRequest } from '../metrics/registry.js';
import { MAX_BODY_BYTES, type Mountable, type Route } from './routes.js';

export interface HttpServerOptions {
  readonly surfaces: readonly Mountable[];
  readonly log: Logger;
  readonly health: () => Record<string, unknown>;
}

interface Mounted {
  readonly route: Route;
  readonly surface: string;
}

/** Probes and scrapes arrive every few seconds: their lines would drown the real traffic. */
const QUIET_SURFACES = new Set(['health', 'metrics']);

const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

export function createHttpServer(options: HttpServerOptions): Server {
  const { log } = options;
  const table = new Map<string, Mounted>();
  for (const s of options.surfaces) for (const r of s.routes) table.set(`${r.method} ${r.path}`, { route: r, surface: s.name });

  const dispatch = (req: IncomingMessage, res: ServerResponse, path: string, mounted: Mounted | undefined): void => {
    if (req.method === 'GET' && path === '/healthz') return sendJson(res, 200, { status: 'ok', ...options.health() });
    if (!mounted) return sendJson(res, 404, { error: 'not found' });
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
    const failed = (err: unknown): void => {
      log.error({ err, route: path }, 'handler failed');
      sendJson(res, 500, { error: 'internal error' });
    };
    // A handler may throw at once or reject later: both end in the same 500.
    try {
      mounted.route.handler(req, res)?.catch(failed);
    } catch (err) {
      failed(err);
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const id = requestIdFor(req.headers['x-request-id']);
    res.setHeader('x-request-id', id);
    const path = (req.url ?? '/').split('?')[0]!;
    const mounted = table.get(`${req.method} ${path}`);
    const isHealth = req.method === 'GET' && path === '/healthz';
    const surface = isHealth ? 'health' : (mounted?.surface ?? 'none');
    // Unknown paths share one label: a scanner must not mint a time series per URL.
    const route = isHealth || mounted ? path : 'unmatched';
    // 'close' comes once per response; `on` spares the wrapper `once` allocates per request.
    res.on('close', () => {
      const ms = performance.now() - started;
      const status = res.writableFinished ? res.statusCode : 499;
      recordHttpRequest(surface, route, status, ms / 1000);
      const line = { reqId: id, method: req.method, route, surface, status, ms: Math.round(ms * 10) / 10 };
      if (QUIET_SURFACES.has(surface) && status < 400) log.debug(line, 'request');
      else log.info(line, 'request');
    });
    tagRequest(req, id);
    dispatch(req, res, path, mounted);
  });
  // Slow or stalled clients must not hold connections open: Slack and Teams send whole
  // requests at once and expect an answer within seconds.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return server;
}
