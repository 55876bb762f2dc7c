// The last line of defence for the server process. A promise rejected with nobody listening
// (a library's bug, like Bolt's null-body crash) is logged and the server goes on: requests are
// independent, and dying would turn one bad request into an outage for everyone. An exception
// thrown with nobody to catch it may have left state half-changed, so the server drains and
// exits 1 for its supervisor to restart it (Docker `--restart`, a Kubernetes Deployment):
// docs/operations.md, "Crashes".
import type { Logger } from '../log/logger.js';

const message = (reason: unknown): string => (reason instanceof Error ? reason.message : String(reason));

export function installCrashGuard(log: Logger, stop: (signal: string, code: number) => void): void {
  process.on('unhandledRejection', (reason) => {
    log.error({ err: { message: message(reason), name: (reason as Error)?.name } }, 'unhandled promise rejection; serving on');
  });
  process.on('uncaughtException', (err) => {
    log.fatal({ err: { message: err.message, name: err.name } }, 'uncaught exception; draining and exiting for a restart');
    stop('uncaughtException', 1);
  });
}

/**
 * Libraries that print straight to the console (botframework-connector writes each refused
 * token's error there) go through the logger instead: one JSON stream, no stack traces an
 * unauthenticated caller can summon, and each distinct text at most once a minute at warn.
 */
export function routeConsoleToLogger(log: Logger, nowMs: () => number = Date.now): void {
  const said = new Map<string, number>();
  const child = log.child({ component: 'console' });
  const write = (args: unknown[]): void => {
    const text = args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ').slice(0, 300);
    const last = said.get(text);
    if (last !== undefined && nowMs() - last < 60_000) return void child.debug({ text }, 'library console output');
    if (said.size > 1000) said.clear();
    said.set(text, nowMs());
    child.warn({ text }, 'library console output');
  };
  console.error = (...args: unknown[]) => write(args);
  console.warn = (...args: unknown[]) => write(args);
}
