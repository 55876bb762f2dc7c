// The process's Prometheus registry and the metrics every part reports into. One registry per
// process (one server per process in production), so any part can count without plumbing.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from '../store/store.js';
import { BatchedObservations } from './batched.js';

export const registry = new Registry();
// Process RSS, heap, event-loop lag and GC: what an operator checks first when latency drifts.
collectDefaultMetrics({ register: registry });

// The three metrics every request touches are fed through BatchedObservations: see batched.ts.
// Read them through the registry (or `get()`), which flushes what is waiting first.
export const httpRequests = new Counter({
  name: 'which_tool_http_requests_total',
  help: 'HTTP requests by surface (slack, teams, health, metrics, none), route and status class',
  labelNames: ['surface', 'route', 'status_class'] as const,
  registers: [registry],
  collect: () => requestCounts.flush(),
});

export const httpDuration = new Histogram({
  name: 'which_tool_http_request_duration_seconds',
  help: 'Time from request to response end, by surface',
  labelNames: ['surface'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3],
  registers: [registry],
  collect: () => requestTimes.flush(),
});

export const answerDuration = new Histogram({
  name: 'which_tool_answer_duration_seconds',
  help: 'Time the core takes to answer one request, by outcome (recommended, nothing_fits, error)',
  labelNames: ['outcome'] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
  registers: [registry],
  collect: () => answerTimes.flush(),
});

type HttpLabels = { surface: string; route: string; status_class: string };
const requestCounts = new BatchedObservations<HttpLabels>((labels, ones) => httpRequests.inc(labels, ones.length));
const requestTimes = new BatchedObservations<{ surface: string }>((labels, seconds) => {
  for (const s of seconds) httpDuration.observe(labels, s);
});
const answerTimes = new BatchedObservations<{ outcome: string }>((labels, seconds) => {
  for (const s of seconds) answerDuration.observe(labels, s);
});

/** One HTTP request done: counted by surface, route and status class, and timed by surface. */
export function recordHttpRequest(surface: string, route: string, status: number, seconds: number): void {
  const status_class = statusClass(status);
  requestCounts.add(`${surface} ${route} ${status_class}`, { surface, route, status_class }, 1);
  requestTimes.add(surface, { surface }, seconds);
}

/** One answer from the core, timed by outcome (recommended, nothing_fits, error). */
export const recordAnswerTime = (outcome: string, seconds: number): void => answerTimes.add(outcome, { outcome }, seconds);

export const requestsRefused = new Counter({
  name: 'which_tool_requests_refused_total',
  help: 'Requests turned away before any work, by surface and reason (unsigned, stale, replayed, bad_signature, malformed, too_large, busy, not_local, unauthorized, rate_limited, ...)',
  labelNames: ['surface', 'reason'] as const,
  registers: [registry],
});

export const digestDeliveries = new Counter({
  name: 'which_tool_digest_deliveries_total',
  help: 'Digests delivered, by platform',
  labelNames: ['platform'] as const,
  registers: [registry],
});

export const digestFailures = new Counter({
  name: 'which_tool_digest_failures_total',
  help: 'Digest deliveries that failed (retried later) or found their target gone (dead: subscription paused)',
  labelNames: ['platform', 'kind'] as const,
  registers: [registry],
});

export const catalogInfo = new Gauge({
  name: 'which_tool_catalog_info',
  help: 'The catalog this process answers from; always 1, the version is in the labels',
  labelNames: ['version', 'as_of'] as const,
  registers: [registry],
});

/** Status code to the class Prometheus dashboards group by: 2xx, 4xx, 5xx. */
export const statusClass = (status: number): string => `${Math.floor(status / 100)}xx`;

export function setCatalogInfo(catalog: { readonly version: string; readonly asOf: string }): void {
  // A reload with a new version must not leave the old series at 1.
  catalogInfo.reset();
  catalogInfo.set({ version: catalog.version, as_of: catalog.asOf }, 1);
}

type StoreProbe = Pick<Store, 'status' | 'held' | 'dropped'>;

/** What the store says about itself; set once the store is open (the server has one store). */
let storeProbe: StoreProbe | null = null;
/** The probe's dropped writes already added to the counter. */
let droppedSeen = 0;

/** Read at each scrape: the store counts for itself, so it needs nothing from here. */
export function watchStore(probe: StoreProbe): void {
  storeProbe = probe;
  droppedSeen = probe.dropped();
}

// Answers need no database, so /healthz stays 200 while it is away: these say it is degraded.
export const storeUp = new Gauge({
  name: 'which_tool_store_up',
  help: 'Whether the database is reachable and takes writes (1) or not (0: answers go on, writes are held)',
  registers: [registry],
  collect() {
    if (storeProbe) this.set(storeProbe.status() === 'ok' ? 1 : 0);
  },
});

export const storeWritesHeld = new Gauge({
  name: 'which_tool_store_writes_held',
  help: 'Request-path writes (request log, feedback, history, Teams references) held in memory until the database takes them',
  registers: [registry],
  collect() {
    if (storeProbe) this.set(storeProbe.held());
  },
});

export const storeWritesDropped = new Counter({
  name: 'which_tool_store_writes_dropped_total',
  help: 'Held writes given up: the oldest, when more were held than the bound while the database was away',
  registers: [registry],
  collect() {
    const now = storeProbe?.dropped() ?? droppedSeen;
    if (now > droppedSeen) this.inc(now - droppedSeen);
    droppedSeen = now;
  },
});
