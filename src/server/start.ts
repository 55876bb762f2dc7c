// Composition root: builds the core, the store and the surfaces, and starts the HTTP server.
// Tests call this directly with their own configuration, catalog and log destination.
import type { AddressInfo } from 'node:net';
import type { Config } from '../config/config.js';
import type { Catalog } from '../core/catalog.js';
import { Recommender } from '../core/recommend.js';
import type { Logger } from '../log/logger.js';
import { createSlackSurface } from '../slack/surface.js';
import { openDigestService } from '../digest/service.js';
import type { SurfaceStore } from '../store/types.js';
import { createTeamsSurface } from '../teams/surface.js';
import type { SurfaceDeps } from './deps.js';
import { createHttpServer } from './http-server.js';
import type { Mountable } from './routes.js';

export interface StartOptions {
  readonly config: Config;
  readonly catalog: Catalog;
  readonly log: Logger;
  /** Surfaces-only tests pass a MemoryStore: then no database is opened and digests are off. */
  readonly store?: SurfaceStore;
}

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config, catalog, log } = options;
  const started = Date.now();
  const digest = options.store ? null : openDigestService(config, catalog, log);
  const deps: SurfaceDeps = {
    recommender: new Recommender(catalog),
    store: options.store ?? digest!.store.surface,
    log,
    logRequestText: config.logRequestText,
    ...(digest ? { digest: digest.commands } : {}),
  };
  const surfaces: Mountable[] = [await createTeamsSurface(deps, config.teams)];
  if (config.slack) surfaces.push(await createSlackSurface(deps, config.slack));
  for (const notice of config.notices) log.info(notice);

  const server = createHttpServer({
    surfaces,
    log,
    health: () => ({ catalog: catalog.version, surfaces: surfaces.map((s) => s.name) }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  for (const s of surfaces) await s.start?.();
  digest?.start();
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  log.info({ port, ms: Date.now() - started, catalog: catalog.version }, `Which Tool is listening on ${url}`);

  return {
    port,
    url,
    async stop() {
      server.closeIdleConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of surfaces) await s.stop?.();
      await digest?.stop();
    },
  };
}
