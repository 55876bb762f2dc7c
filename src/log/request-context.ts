// The id of the HTTP request being served, carried across awaits so that every log line a
// surface writes while serving it names the request, without passing ids through every call.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

const current = new AsyncLocalStorage<string>();

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

export function withRequestId<T>(id: string, fn: () => T): T {
  return current.run(id, fn);
}

export function currentRequestId(): string | undefined {
  return current.getStore();
}
