// The id of the HTTP request being served. The server tags each request with it, and a surface
// reads it back from the request it was handed, so the lines it writes while serving that
// request name it. Carried explicitly, not through AsyncLocalStorage: on Node 20 that hooks
// every promise, Bolt makes dozens per request, and it cost about a tenth of Slack throughput.
import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Logger } from './logger.js';

// A symbol-keyed property on the request rather than a WeakMap: a WeakMap entry per request
// showed in the load profile (its entries are weak, so the collector tracks each one).
const REQUEST_ID = Symbol('which-tool.requestId');

interface TaggedRequest extends IncomingMessage {
  [REQUEST_ID]?: string;
}

// A random per-process prefix and a counter: unique across replicas and restarts without
// asking the system for entropy on every request (that showed in the load profile).
const prefix = randomBytes(4).toString('hex');
let counter = 0;

/** A caller-supplied id (a proxy's X-Request-Id) is kept when it is short and plain; else a new one. */
export function requestIdFor(header: string | string[] | undefined): string {
  if (typeof header === 'string' && /^[\w.:-]{1,64}$/.test(header)) return header;
  counter = (counter + 1) % 0x100000000;
  return prefix + counter.toString(16).padStart(8, '0');
}

export function tagRequest(req: IncomingMessage, id: string): void {
  (req as TaggedRequest)[REQUEST_ID] = id;
}

export function requestIdOf(req: IncomingMessage): string | undefined {
  return (req as TaggedRequest)[REQUEST_ID];
}

/** The logger for lines about one request: they carry its id when it has one. */
export const requestLogger = (log: Logger, reqId: string | undefined): Logger => (reqId ? log.child({ reqId }) : log);
