// Slack redelivers an event (x-slack-retry-num) when it thinks the first delivery failed. The
// ack for events is sent before any listener runs, so a redelivery of an event already seen
// here is dropped; one never seen (say, the process restarted) is still answered.
// Memory only: with several replicas behind one URL, a redelivery may reach another replica.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../log/logger.js';
import { logFor } from './request-log.js';

export class SeenEvents {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly max = 10_000,
    private readonly ttlMs = 60 * 60 * 1000,
  ) {}

  /** True the first time an id is offered within the time window. */
  firstTime(id: string, now = Date.now()): boolean {
    const at = this.seen.get(id);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.delete(id);
    this.seen.set(id, now);
    // A Map iterates in insertion order, so the first key is the oldest.
    while (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }
}

export function skipRedelivered(seen: SeenEvents, log: Logger): Middleware<AnyMiddlewareArgs> {
  // Not async: it runs for every request, and passing next()'s promise on spares one more.
  return ({ body, context, next }) => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id === 'string' && !seen.firstTime(id)) {
      logFor(log, context).info({ eventId: id, retryNum: context.retryNum, retryReason: context.retryReason }, 'redelivered Slack event skipped');
      return Promise.resolve();
    }
    return next();
  };
}
