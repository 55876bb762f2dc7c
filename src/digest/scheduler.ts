// The single-server default: a croner tick at the top of every minute runs whatever is due, so
// changed subscriptions need no re-scheduling, and a tick missed (a restart, a read-only
// database) is caught up later within the grace window. Start-up runs once at once. A run that
// fails (the store is locked, read-only, full or away) is tried again on a short backoff rather
// than a minute later, and at once when the store says it is back.
import { Cron } from 'croner';
import type { Logger } from '../log/logger.js';
import type { DigestRunner, RunReport } from './runner.js';

export interface SchedulerOptions {
  readonly runner: DigestRunner;
  readonly log: Logger;
  /** Deletes rows past the retention; run once a day. */
  readonly prune: (now: Date) => Promise<number>;
  /** After a failed run: e.g. reopen a database file that was read-only. */
  readonly recover?: () => void;
  /** Registers a call for when the store is writable again after a fault. */
  readonly onStoreBack?: (listener: () => void) => void;
  readonly now?: () => Date;
  /** Seconds between looks for due digests (a divisor of 60); default 60, at the top of each minute. */
  readonly tickSeconds?: number;
}

export interface RunningScheduler {
  /** Resolves with the start-up catch-up's report. */
  readonly caughtUp: Promise<RunReport | null>;
  stop(): Promise<void>;
}

const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;

export function startScheduler(options: SchedulerOptions): RunningScheduler {
  const { runner, log } = options;
  const now = options.now ?? (() => new Date());
  let failing = false;
  let stopped = false;
  let retryMs = 0;
  let retry: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();

  const runOnce = (): Promise<RunReport | null> => {
    clearTimeout(retry);
    const run = runner.runDue(now()).then(
      (report) => {
        if (failing) log.info('digest: runs work again');
        failing = false;
        retryMs = 0;
        if (report.sent.length || report.skipped.length || report.paused.length || report.failed.length)
          log.info({ sent: report.sent.length, skipped: report.skipped.length, paused: report.paused, failed: report.failed.length }, 'digest run');
        return report;
      },
      (err: unknown) => {
        // The store may be locked, read-only, full or away: say it once, try again soon.
        if (!failing) log.error({ err: { message: (err as Error).message } }, 'digest: run failed; retrying');
        failing = true;
        options.recover?.();
        retryMs = Math.min(RETRY_MAX_MS, retryMs ? retryMs * 2 : RETRY_FIRST_MS);
        if (!stopped) retry = setTimeout(() => void queued(), retryMs);
        retry?.unref();
        return null;
      },
    );
    current = run;
    return run;
  };
  // One run at a time: a run asked for while one is going starts when it ends.
  const queued = async (): Promise<void> => {
    await current;
    if (!stopped) await runOnce();
  };

  const caughtUp = runOnce();
  const tick = options.tickSeconds ?? 60;
  const minutely = new Cron(tick >= 60 ? '0 * * * * *' : `*/${tick} * * * * *`, { protect: true, unref: true }, queued);
  options.onStoreBack?.(() => void queued());
  let pruneFailing = false;
  const daily = new Cron('17 3 * * *', { timezone: 'UTC', unref: true }, () =>
    options.prune(now()).then(
      (removed) => {
        if (removed) log.info({ removed }, 'store: pruned rows past the retention');
        pruneFailing = false;
      },
      (err: unknown) => {
        // Said once; the next day's prune (or the next start) tries again.
        if (!pruneFailing) log.error({ err: { message: (err as Error).message } }, 'store: prune failed; trying again tomorrow');
        pruneFailing = true;
      },
    ),
  );
  // Prune once at start too: a server restarted daily before 03:17 would otherwise never prune.
  void daily.trigger();
  return {
    caughtUp,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      minutely.stop();
      daily.stop();
      await current;
    },
  };
}
