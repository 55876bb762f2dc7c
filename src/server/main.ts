// `npm start`: read the configuration, load the catalog, mount the surfaces, listen.
// SIGTERM/SIGINT: stop accepting, let requests in flight finish, close the store, exit 0 —
// all within 10 s, the grace orchestrators (Docker, Kubernetes) give before SIGKILL.
import { loadConfig } from '../config/config.js';
import { loadCatalog } from '../core/catalog.js';
import { WhichToolError } from '../core/errors.js';
import { createLogger } from '../log/logger.js';
import { installCrashGuard, routeConsoleToLogger } from './crash-guard.js';
import { startServer } from './start.js';
import { welcomeText } from './welcome.js';

/** Requests in flight get this long; then they are cut off and the store closes. */
const DRAIN_MS = 8_000;
/** If closing itself hangs, leave anyway before the orchestrator's SIGKILL. */
const FORCE_EXIT_MS = 9_500;

try {
  const config = loadConfig(process.env);
  const log = createLogger(config.logLevel);
  routeConsoleToLogger(log);
  const catalog = loadCatalog(config.dataDir);
  const running = await startServer({ config, catalog, log });
  const welcome = welcomeText(running.url, config);
  if (welcome) process.stderr.write(`${welcome}\n`);
  let stopping = false;
  const stop = (signal: string, code = 0): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    setTimeout(() => {
      log.error({ ms: FORCE_EXIT_MS }, 'shutdown did not finish in time; exiting anyway');
      process.exit(1);
    }, FORCE_EXIT_MS).unref();
    running.stop(DRAIN_MS).then(
      () => {
        log.info('stopped');
        process.exit(code);
      },
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  installCrashGuard(log, stop);
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (err) {
  // One clear line, no stack: a configuration or catalog problem is the operator's to fix.
  process.stderr.write(`which-tool: ${err instanceof WhichToolError ? err.message : String((err as Error)?.message ?? err)}\n`);
  process.exit(1);
}
