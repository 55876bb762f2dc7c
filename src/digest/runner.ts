// Sends every digest that is due at a given time and not yet sent for its period: the one code
// path behind the in-process scheduler, the start-up catch-up and `which-tool digest run`.
// Each (subscription, period) is claimed in the store before sending, so it goes out once.
import type { Catalog } from '../core/catalog.js';
import type { Logger } from '../log/logger.js';
import type { ClaimOwner, DigestStore, SubscriptionRecord } from '../store/digest-types.js';
import { snapshotOf } from './catalog-changes.js';
import { claimOwner } from './claim-owner.js';
import { composeDigest } from './compose.js';
import { digestCard } from '../render/digest-card.js';
import { firesBefore, latestFire } from './schedule.js';
import type { DigestSender } from './sender.js';

export interface RunnerOptions {
  readonly store: DigestStore;
  readonly catalog: Catalog;
  readonly sender: DigestSender;
  readonly log: Logger;
  readonly graceHours: number;
  /** Digests in flight at once; the senders' pacers keep each platform's limits. */
  readonly concurrency?: number;
  readonly owner?: ClaimOwner;
}

export interface RunReport {
  readonly at: string;
  readonly sent: string[];
  readonly skipped: string[];
  readonly paused: { id: string; channel: string; reason: string }[];
  readonly failed: { id: string; channel: string; reason: string }[];
  /** Already sent for this period, or claimed by another runner right now. */
  notDue: number;
}

/** Older missed periods looked at per subscription: enough for a long weekend of dailies. */
const LOOK_BACK = 7;

export class DigestRunner {
  private readonly owner: ClaimOwner;

  constructor(private readonly options: RunnerOptions) {
    this.owner = options.owner ?? claimOwner();
  }

  async runDue(at: Date): Promise<RunReport> {
    const report: RunReport = { at: at.toISOString(), sent: [], skipped: [], paused: [], failed: [], notDue: 0 };
    const due: { sub: SubscriptionRecord; period: Date }[] = [];
    for (const sub of this.options.store.listSubscriptions()) {
      if (sub.status !== 'active') continue;
      const period = this.plan(sub, at, report);
      if (period) due.push({ sub, period });
    }
    this.options.store.saveCatalogSnapshot(snapshotOf(this.options.catalog));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < due.length) {
        const job = due[next++]!;
        await this.deliver(job.sub, job.period, report);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency ?? 16) }, worker));
    return report;
  }

  /** The period to send now, if any; missed periods outside the grace window are recorded as skipped. */
  private plan(sub: SubscriptionRecord, at: Date, report: RunReport): Date | null {
    const schedule = { cron: sub.schedule, timeZone: sub.timeZone };
    const latest = latestFire(schedule, at);
    if (!latest || latest < sub.createdAt) {
      report.notDue++;
      return null;
    }
    const { store } = this.options;
    const lastRow = store.latestPeriod(sub.id);
    for (const older of firesBefore(schedule, latest, LOOK_BACK)) {
      if (older < sub.createdAt || (lastRow && older <= lastRow)) break;
      store.skipDelivery(sub.id, older, 'missed: a later period was due when the digest ran');
    }
    if (at.getTime() - latest.getTime() <= this.options.graceHours * 3_600_000) return latest;
    if (!store.getDelivery(sub.id, latest)) {
      store.skipDelivery(sub.id, latest, `missed by more than the ${this.options.graceHours} h grace window`);
      report.skipped.push(sub.id);
    } else report.notDue++;
    return null;
  }

  private async deliver(sub: SubscriptionRecord, period: Date, report: RunReport): Promise<void> {
    const { store, catalog, sender, log } = this.options;
    if (!store.claimDelivery(sub.id, period, this.owner)) {
      report.notDue++;
      return;
    }
    let outcome;
    try {
      const card = digestCard(composeDigest({ store, catalog, sub, periodAt: period }));
      outcome = await sender.send(sub, card);
    } catch (err) {
      outcome = { kind: 'failed' as const, reason: `unexpected: ${(err as Error).message}` };
    }
    const where = { id: sub.id, channel: sub.channel };
    if (outcome.kind === 'sent') {
      store.finishDelivery(sub.id, period, 'sent', null, catalog.version);
      report.sent.push(sub.id);
    } else if (outcome.kind === 'dead') {
      store.finishDelivery(sub.id, period, 'dead', outcome.reason, null);
      store.pauseSubscription(sub.id, outcome.reason);
      report.paused.push({ ...where, reason: outcome.reason });
      log.warn({ subscription: sub.id, platform: sub.platform, channel: sub.channel, reason: outcome.reason }, 'digest: target is gone; subscription paused');
    } else {
      store.finishDelivery(sub.id, period, 'failed', outcome.reason, null);
      report.failed.push({ ...where, reason: outcome.reason });
      log.error({ subscription: sub.id, platform: sub.platform, reason: outcome.reason }, 'digest: delivery failed; a later run retries it');
    }
  }
}
