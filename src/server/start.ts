// Composition root: opens the store, builds the core, the digests and the surfaces on it, and
// starts the HTTP server.
// Tests call this directly with their own configuration, catalog and log destination.
import { guideFactsOf } from './guide-facts.js';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config/config.js';
import type { Catalog } from '../core/catalog.js';
import { PolicyHolder } from '../core/policy/holder.js';
import { defaultFreshness } from '../core/freshness.js';
import type { Recommender } from '../core/recommend.js';
import { openCorrections, type Corrections } from '../corrections/open.js';
import type { Logger } from '../log/logger.js';
import { setCatalogInfo, watchStore } from '../metrics/registry.js';
import { metricsSurface } from '../metrics/route.js';
import { createDigestService } from '../digest/service.js';
import type { SurfaceStore } from '../store/types.js';
import type { SurfaceDeps } from '../surface/deps.js';
import { createHttpServer } from './http-server.js';
import { personKeys } from '../surface/person-key.js';
import { PolicedRecommender } from './policed-recommender.js';
import { openServerStore } from './store.js';
import { RequestLimits } from '../surface/request-limits.js';
import type { Mountable } from '../surface/routes.js';

export interface StartOptions {
  readonly config: Config;
  readonly catalog: Catalog;
  readonly log: Logger;
  /** Surfaces-only tests pass a MemoryStore: then no database is opened and digests are off. */
  readonly store?: SurfaceStore;
  /** The AI policy in force; main.ts passes its own so that SIGHUP reloads the one answers use. Default: config.policyFile. */
  readonly policy?: PolicyHolder;
}

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  /** The core every surface answers with; a deployment's retrained model is swapped into it. */
  readonly recommender: Recommender;
  /** Corrections and learning from them; null without a database (surfaces-only tests). */
  readonly corrections: Corrections | null;
  /** Stops accepting, lets requests in flight finish (cut off after graceMs), closes the store. */
  stop(graceMs?: number): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config, catalog, log } = options;
  const started = Date.now();
  // Before anything opens: a bad policy file stops start-up (PolicyError, one line).
  const policy = options.policy ?? new PolicyHolder(config.policyFile ?? null, catalog);
  const store = options.store ? null : await openServerStore(config, log);
  if (store) watchStore(store);
  const digest = store ? await createDigestService(store, config, catalog, log, policy) : null;
  const recommender = new PolicedRecommender(catalog, policy, { freshness: defaultFreshness(config.staleAfter) });
  const corrections = store ? openCorrections(config, catalog, store.corrections, recommender, log) : null;
  const deps: SurfaceDeps = {
    recommender,
    policy,
    store: options.store ?? store!.surface,
    log,
    logRequestText: config.logRequestText,
    limits: new RequestLimits(config.rateLimit),
    personKey: personKeys(config.historySecret, 'slack'),
    guide: guideFactsOf(config),
    ...(digest ? { digest: digest.commands } : {}),
    ...(corrections ? { corrections: corrections.service } : {}),
  };
  const surfaces: Mountable[] = [];
  // Each surface's SDK is loaded only when the surface is configured: botbuilder alone is ~0.4 s
  // of a start, which a Slack-only deployment (and every restart) need not pay.
  // Teams off (a Slack-only deployment): no /api/messages at all, not an open one.
  if (config.teams.mode !== 'off') surfaces.push(await (await import('../teams/surface.js')).createTeamsSurface(deps, config.teams));
  if (config.slack) surfaces.push(await (await import('../slack/surface.js')).createSlackSurface(deps, config.slack));
  // OAuth mode keeps its installations in the database, so it needs the real store.
  if (config.slackOAuth && !store) throw new Error('Slack OAuth mode needs the database store (start without a MemoryStore)');
  const slackOAuth = config.slackOAuth && store ? (await import('../slack/oauth/installer.js')).createSlackOAuth(config.slackOAuth, store.installations, log) : null;
  if (slackOAuth) surfaces.push(await (await import('../slack/oauth/surface.js')).createSlackOAuthSurface(deps, config.slackOAuth!, slackOAuth, store!.digest));
  surfaces.push(metricsSurface());
  setCatalogInfo(catalog);
  for (const notice of config.notices) log.info(notice);
  const inForce = policy.current();
  if (inForce) log.info({ policy: inForce.name, version: inForce.version }, `AI policy in force from ${policy.file}`);

  const server = createHttpServer({
    surfaces,
    log,
    health: () => ({ catalog: catalog.version, model: recommender.modelVersion, surfaces: surfaces.map((s) => s.name), store: store ? store.status() : 'ok' }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  for (const s of surfaces) await s.start?.();
  digest?.start(slackOAuth?.tokenFor);
  corrections?.start();
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  log.info({ port, host: config.host, teams: config.teams.mode, ms: Date.now() - started, catalog: catalog.version }, `Which Tool is listening on ${url}`);

  return {
    port,
    url,
    recommender,
    corrections,
    async stop(graceMs = 8_000) {
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections close as soon as their request is answered; requests still
      // running after the grace are cut off, so the store closes in time.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const cutOff = setTimeout(() => server.closeAllConnections(), graceMs);
      await drained;
      clearInterval(sweep);
      clearTimeout(cutOff);
      // The store queues request-path writes for a turn; the last requests' go out now.
      await store?.flush();
      await corrections?.stop();
      for (const s of surfaces) await s.stop?.();
      await digest?.stop();
      await store?.close();
    },
  };
}
