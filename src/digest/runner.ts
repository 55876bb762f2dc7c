// Sends every digest that is due at a given time and not yet sent for its period: the one code
// path behind the in-process scheduler, the start-up catch-up and `which-tool digest run`.
// Each (subscription, period) is claimed in the store before sending, so it goes out once.
import type { Catalog } from '../core/catalog.js';
import type { StaleAfter } from '../core/freshness.js';
import type { Logger } from '../log/logger.js';
import type { CorrectionRecord, CorrectionStore } from '../store/correction-types.js';
import type { ClaimOwner, DigestStore, SubscriptionRecord } from '../store/digest-types.js';
import { snapshotOf } from './catalog-changes.js';
import { claimOwner } from './claim-owner.js';
import { composeDigest, type DigestPolicy } from './compose.js';
import { digestCard } from '../render/digest-card.js';
import { firesBefore, latestFire } from './schedule.js';
import type { DigestSender } from './sender.js';

export interface RunnerOptions {
  readonly store: DigestStore;
  readonly catalog: Catalog;
  readonly sender: DigestSender;
  readonly log: Logger;
  readonly graceHours: number;
  /** WHICH_TOOL_STALE_AFTER, for the owners' count of old prices (default 6 months). */
  readonly staleAfter?: StaleAfter;
  /** Digests in flight at once; the senders' pacers keep each platform's limits. */
  readonly concurrency?: number;
  readonly owner?: ClaimOwner;
  /** With a company AI policy: its owners' counts in every digest, and tips it allows. */
  readonly policy?: DigestPolicy;
  /** Pending corrections for the owners' list (issue 16); none without it. */
  readonly corrections?: Pick<CorrectionStore, 'list'>;
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
  /** Outcomes sent but not yet written (the store refused): written first on the next run. */
  private readonly unrecorded: (() => Promise<void>)[] = [];

  constructor(private readonly options: RunnerOptions) {
    this.owner = options.owner ?? claimOwner();
  }

  async runDue(at: Date): Promise<RunReport> {
    const report: RunReport = { at: at.toISOString(), sent: [], skipped: [], paused: [], failed: [], notDue: 0 };
    // Until these are written, their claims stay ours, so no other run sends them again.
    while (this.unrecorded.length) {
      await this.unrecorded[0]!();
      this.unrecorded.shift();
    }
    const due: { sub: SubscriptionRecord; period: Date }[] = [];
    for (const sub of await this.options.store.listSubscriptions()) {
      if (sub.status !== 'active') continue;
      const period = await this.plan(sub, at, report);
      if (period) due.push({ sub, period });
    }
    if (due.length) await this.snapshotCatalog();
    // Read once per run: every digest of the run lists its own workspace's share of them.
    const pending = due.length ? ((await this.options.corrections?.list('pending')) ?? []) : [];
    let next = 0;
    let storeError: unknown;
    const worker = async (): Promise<void> => {
      // A store that refuses a claim refuses them all: stop, and let the next run try again.
      while (next < due.length && storeError === undefined) {
        const job = due[next++]!;
        await this.deliver(job.sub, job.period, report, pending).catch((err: unknown) => void (storeError ??= err));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency ?? 16) }, worker));
    if (storeError !== undefined) throw storeError;
    if (this.unrecorded.length) throw new Error(`the store refused to record ${this.unrecorded.length} finished deliveries; retrying`);
    return report;
  }

  private snapshotSaved = false;

  /** Once per runner: what this catalog version offers, for the next digests' "what changed". */
  private async snapshotCatalog(): Promise<void> {
    if (this.snapshotSaved) return;
    await this.options.store.saveCatalogSnapshot(snapshotOf(this.options.catalog));
    this.snapshotSaved = true;
  }

  /** The period to send now, if any; missed periods outside the grace window are recorded as skipped. */
  private async plan(sub: SubscriptionRecord, at: Date, report: RunReport): Promise<Date | null> {
    const schedule = { cron: sub.schedule, timeZone: sub.timeZone };
    const latest = latestFire(schedule, at);
    if (!latest || latest < sub.createdAt) {
      report.notDue++;
      return null;
    }
    const { store } = this.options;
    const lastRow = await store.latestPeriod(sub.id);
    if (!lastRow || lastRow < latest) {
      for (const older of firesBefore(schedule, latest, LOOK_BACK)) {
        if (older < sub.createdAt || (lastRow && older <= lastRow)) break;
        await store.skipDelivery(sub.id, older, 'missed: a later period was due when the digest ran');
      }
    }
    const row = lastRow && lastRow >= latest ? await store.getDelivery(sub.id, latest) : undefined;
    // Sent, skipped or dead: done. Claimed or failed: the claim decides (stale, retry budget).
    if (row && row.status !== 'claimed' && row.status !== 'failed') {
      report.notDue++;
      return null;
    }
    if (at.getTime() - latest.getTime() <= this.options.graceHours * 3_600_000) return latest;
    if (!row) {
      await store.skipDelivery(sub.id, latest, `missed by more than the ${this.options.graceHours} h grace window`);
      report.skipped.push(sub.id);
    } else report.notDue++;
    return null;
  }

  private async deliver(sub: SubscriptionRecord, period: Date, report: RunReport, pending: readonly CorrectionRecord[]): Promise<void> {
    const { store, catalog, sender, log, policy } = this.options;
    const claim = await store.claimDelivery(sub.id, period, this.owner);
    if (!claim) {
      report.notDue++;
      return;
    }
    let outcome;
    try {
      const card = digestCard(await composeDigest({ store, catalog, sub, periodAt: period, pending, ...(this.options.staleAfter ? { staleAfter: this.options.staleAfter } : {}), ...(policy ? { policy } : {}) }));
      outcome = await sender.send(sub, card, { key: `${sub.id}@${period.toISOString()}`, recovering: claim === 'taken-over' });
    } catch (err) {
      outcome = { kind: 'failed' as const, reason: `unexpected: ${(err as Error).message}` };
    }
    const where = { id: sub.id, channel: sub.channel };
    const record = async (write: () => Promise<void>): Promise<void> => {
      try {
        await write();
      } catch {
        // The message went out; the row must say so before anything else, on the next run.
        this.unrecorded.push(write);
      }
    };
    if (outcome.kind === 'sent') {
      await record(() => store.finishDelivery(sub.id, period, 'sent', null, catalog.version));
      report.sent.push(sub.id);
    } else if (outcome.kind === 'dead') {
      const reason = outcome.reason;
      await record(async () => {
        await store.finishDelivery(sub.id, period, 'dead', reason, null);
        await store.pauseSubscription(sub.id, reason);
      });
      report.paused.push({ ...where, reason });
      log.warn({ subscription: sub.id, platform: sub.platform, channel: sub.channel, reason }, 'digest: target is gone; subscription paused');
    } else {
      const reason = outcome.reason;
      await record(() => store.finishDelivery(sub.id, period, 'failed', reason, null));
      report.failed.push({ ...where, reason });
      log.error({ subscription: sub.id, platform: sub.platform, reason: outcome.reason }, 'digest: delivery failed; a later run retries it');
    }
  }
}
