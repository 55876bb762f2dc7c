// The single-server default: a croner tick at the top of every minute runs whatever is due, so
// changed subscriptions need no re-scheduling, and a tick missed (a restart, a read-only
// database) is caught up by the next within the grace window. Start-up runs once at once.
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
  readonly now?: () => Date;
  /** Seconds between looks for due digests (a divisor of 60); default 60, at the top of each minute. */
  readonly tickSeconds?: number;
}

export interface RunningScheduler {
  /** Resolves with the start-up catch-up's report. */
  readonly caughtUp: Promise<RunReport | null>;
  stop(): Promise<void>;
}

export function startScheduler(options: SchedulerOptions): RunningScheduler {
  const { runner, log } = options;
  const now = options.now ?? (() => new Date());
  let failing = false;
  let current: Promise<unknown> = Promise.resolve();

  const runOnce = (): Promise<RunReport | null> => {
    const run = runner.runDue(now()).then(
      (report) => {
        if (failing) log.info('digest: runs work again');
        failing = false;
        if (report.sent.length || report.skipped.length || report.paused.length || report.failed.length)
          log.info({ sent: report.sent.length, skipped: report.skipped.length, paused: report.paused, failed: report.failed.length }, 'digest run');
        return report;
      },
      (err: unknown) => {
        // The store may be read-only or full; the next tick tries again, so say it once.
        if (!failing) log.error({ err: { message: (err as Error).message } }, 'digest: run failed; retrying every minute');
        failing = true;
        options.recover?.();
        return null;
      },
    );
    current = run;
    return run;
  };

  const caughtUp = runOnce();
  const tick = options.tickSeconds ?? 60;
  const minutely = new Cron(tick >= 60 ? '0 * * * * *' : `*/${tick} * * * * *`, { protect: true, unref: true }, async () => {
    await current;
    await runOnce();
  });
  const daily = new Cron('17 3 * * *', { timezone: 'UTC', unref: true }, () =>
    options.prune(now()).then(
      (removed) => void (removed && log.info({ removed }, 'store: pruned rows past the retention')),
      // Tried again tomorrow (and at the next start); the store has said it is unavailable.
      (err: unknown) => log.warn({ err: { message: (err as Error).message } }, 'store: prune failed; trying again tomorrow'),
    ),
  );
  // Prune once at start too: a server restarted daily before 03:17 would otherwise never prune.
  void daily.trigger();
  return {
    caughtUp,
    async stop() {
      minutely.stop();
      daily.stop();
      await current;
    },
  };
}
