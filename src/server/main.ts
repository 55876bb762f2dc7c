// `npm start`: read the configuration, load the catalog, mount the surfaces, listen.
import { loadConfig } from '../config/config.js';
import { loadCatalog } from '../core/catalog.js';
import { WhichToolError } from '../core/errors.js';
import { createLogger } from '../log/logger.js';
import { startServer } from './start.js';

try {
  const config = loadConfig(process.env);
  const log = createLogger(config.logLevel);
  const catalog = loadCatalog(config.dataDir);
  const running = await startServer({ config, catalog, log });
  const stop = (signal: string): void => {
    log.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
} catch (err) {
  // One clear line, no stack: a configuration or catalog problem is the operator's to fix.
  process.stderr.write(`which-tool: ${err instanceof WhichToolError ? err.message : String((err as Error)?.message ?? err)}\n`);
  process.exit(1);
}
