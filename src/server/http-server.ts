// The one HTTP server: routes requests to surfaces, reads bodies within limits before any
// surface sees them, answers /healthz, and never lets a handler's failure take the process down
// or leak internals. Every request gets an id (X-Request-Id), one log line (method, route,
// status, ms; never the body) and a count in /metrics by surface and status class.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../log/logger.js';
import { requestIdFor, tagRequest } from '../log/request-context.js';
import { recordHttpRequest, requestsRefused } from '../metrics/registry.js';
import { BodyBudget, EMPTY_BODY, readBody } from './body.js';
import { refusalOf, refuse } from '../surface/refusal.js';
import { MAX_BODY_BYTES, type Mountable, type Route } from '../surface/routes.js';

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
/** Connections at once; Slack and the Bot Framework need a few dozen, a flood gets no more. */
export const MAX_CONNECTIONS = 512;
/** Bytes of bodies being read at once, across all connections. */
export const BODY_BUDGET_BYTES = 8 * 1024 * 1024;

const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

export function createHttpServer(options: HttpServerOptions): Server {
  const { log } = options;
  const table = new Map<string, Mounted>();
  for (const s of options.surfaces) for (const r of s.routes) table.set(`${r.method} ${r.path}`, { route: r, surface: s.name });
  const budget = new BodyBudget(BODY_BUDGET_BYTES);

  const run = (mounted: Mounted, req: IncomingMessage, res: ServerResponse, path: string, body: Buffer): void => {
    const failed = (err: unknown): void => {
      log.error({ err, route: path }, 'handler failed');
      sendJson(res, 500, { error: 'internal error' });
    };
    // A handler may throw at once or reject later: both end in the same 500.
    try {
      mounted.route.handler(req, res, body)?.catch(failed);
    } catch (err) {
      failed(err);
    }
  };

  const dispatch = (req: IncomingMessage, res: ServerResponse, path: string, mounted: Mounted | undefined): void => {
    if (req.method === 'GET' && path === '/healthz') return sendJson(res, 200, { status: 'ok', ...options.health() });
    if (!mounted) {
      req.resume();
      return refuse(res, 404, 'not_found', 'not found');
    }
    if (req.method !== 'POST') return run(mounted, req, res, path, EMPTY_BODY);
    // Slack and the Bot Framework always declare the length, so a chunked upload is refused.
    const declared = req.headers['content-length'];
    if (declared === undefined) return refuse(res, 411, 'no_length', 'content-length required', {}, true);
    const length = Number(declared);
    if (!(length <= MAX_BODY_BYTES)) return refuse(res, 413, 'too_large', 'request body too large', {}, true);
    const refusal = mounted.route.admit?.(req);
    if (refusal) return refuse(res, refusal.status, refusal.reason, refusal.status === 403 ? 'forbidden' : refusal.status === 401 ? 'unauthorized' : 'request refused', {}, length > 0);
    if (!budget.reserve(length)) return refuse(res, 503, 'busy', 'busy, try again', { 'retry-after': '1' }, length > 0);
    void readBody(req, length).then((body) => {
      budget.release(length);
      if (body) run(mounted, req, res, path, body);
    });
  };

  // The timeouts are checked every second (Node's default is every 30 s, which let a client
  // dribbling its headers hold a connection for over half a minute).
  const server = createServer({ connectionsCheckingInterval: 1_000, headersTimeout: 5_000, requestTimeout: 10_000 }, (req: IncomingMessage, res: ServerResponse) => {
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
      const refused = refusalOf(res);
      if (refused) requestsRefused.inc({ surface, reason: refused });
      const line = { reqId: id, method: req.method, route, surface, status, ms: Math.round(ms * 10) / 10 };
      if (refused || (QUIET_SURFACES.has(surface) && status < 400)) log.debug(line, 'request');
      else log.info(line, 'request');
    });
    tagRequest(req, id);
    dispatch(req, res, path, mounted);
  });
  // Slow or stalled clients must not hold connections open: Slack and Teams send whole
  // requests at once and expect an answer within seconds.
  server.maxConnections = MAX_CONNECTIONS;
  return server;
}
