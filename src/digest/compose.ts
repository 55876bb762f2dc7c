// Gathers one channel's digest for one period from the store and the catalog, as plain figures
// for render/digest-card.ts. The period runs from the schedule's previous time to this one.
import type { Catalog } from '../core/catalog.js';
import type { Policy } from '../core/policy/policy.js';
import { buildPolicyReport } from '../core/policy/report.js';
import { isUnsure } from '../core/recommend.js';
import { estimate } from '../core/estimate.js';
import { DEFAULT_STALE_AFTER, type StaleAfter } from '../core/freshness.js';
import { stalePricesLine, staleReport } from '../core/stale.js';
import type { PeriodT } from '../core/schema.js';
import type { CountRow, DigestData } from '../render/digest-card.js';
import type { CorrectionRecord } from '../store/correction-types.js';
import type { DigestStore, RequestRow, SubscriptionRecord } from '../store/digest-types.js';
import type { PolicyLogReader } from '../store/policy-log.js';
import { catalogChanges } from './catalog-changes.js';
import { describeSchedule, firesBefore } from './schedule.js';
import { toolTip } from './tips.js';

const DAY_MS = 86_400_000;
const PER_MONTH: Readonly<Record<PeriodT, number>> = { day: 365 / 12, week: 365 / 12 / 7, month: 1, year: 1 / 12 };
const EXAMPLES = 5;
/** Corrections listed with buttons; the rest are counted (the card must stay within Slack's 50 blocks). */
const CORRECTIONS = 5;

export interface ComposeInput {
  readonly store: DigestStore;
  readonly catalog: Catalog;
  readonly sub: SubscriptionRecord;
  readonly periodAt: Date;
  /** The deployment's WHICH_TOOL_STALE_AFTER: prices older than this at `periodAt` are counted. */
  readonly staleAfter?: StaleAfter;
  readonly policy?: DigestPolicy;
  /** Pending corrections of the deployment, oldest first: those from this subscription's workspace are listed. */
  readonly pending?: readonly CorrectionRecord[];
}

/** The company's AI policy in force (read afresh per digest, as SIGHUP may replace it) and where its counts are kept. */
export interface DigestPolicy {
  current(): Policy | null;
  readonly log: PolicyLogReader;
}

function counts(now: readonly RequestRow[], before: readonly RequestRow[], key: (r: RequestRow) => string | null, name: (k: string) => string): CountRow[] {
  const tally = (rows: readonly RequestRow[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const r of rows) {
      const k = key(r);
      if (k) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const a = tally(now);
  const b = tally(before);
  return [...a.entries()]
    .map(([k, count]) => ({ name: name(k), count, change: count - (b.get(k) ?? 0) }))
    .sort((x, y) => y.count - x.count || x.name.localeCompare(y.name));
}

function spend(rows: readonly RequestRow[], catalog: Catalog): DigestData['spend'] {
  let low = 0;
  let high = 0;
  let n = 0;
  for (const r of rows) {
    const category = r.category && catalog.categories.get(r.category);
    const e = category && r.volume ? estimate(category, r.volume) : undefined;
    if (!e) continue;
    low += e.low * PER_MONTH[e.per];
    high += e.high * PER_MONTH[e.per];
    n++;
  }
  return n ? { low, high, requests: n } : null;
}

const periodWord = (from: Date, to: Date): string => {
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS);
  return days === 7 ? 'week' : days === 1 ? 'day' : 'period';
};

const dateLabel = (d: Date, timeZone: string): string => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone });

/** Only the subscription's own platform and workspace: a request's text never reaches another company's channel. */
function corrections(pending: readonly CorrectionRecord[], sub: SubscriptionRecord, kindName: (id: string | null) => string): DigestData['corrections'] {
  const here = pending.filter((c) => c.surface === sub.platform && c.workspace === sub.workspace);
  return {
    pending: here.slice(0, CORRECTIONS).map((c) => ({ id: c.id, text: c.text, answered: kindName(c.answered.category), chosen: kindName(c.chosen.category), flagged: c.flagged })),
    more: Math.max(0, here.length - CORRECTIONS),
  };
}

export async function composeDigest({ store, catalog, sub, periodAt, staleAfter = DEFAULT_STALE_AFTER, policy, pending = [] }: ComposeInput): Promise<DigestData> {
  const schedule = { cron: sub.schedule, timeZone: sub.timeZone };
  const [from = new Date(periodAt.getTime() - 7 * DAY_MS), before = new Date(from.getTime() - (periodAt.getTime() - from.getTime()))] = firesBefore(schedule, periodAt, 2);
  // Asked together: over the network each is a round trip.
  const [rows, previous, last, sentBefore, feedback] = await Promise.all([
    store.requestsIn(sub.channel, from, periodAt),
    store.requestsIn(sub.channel, before, from),
    store.lastSent(sub.id, periodAt),
    store.countSent(sub.id),
    store.feedbackIn(sub.channel, from, periodAt),
  ]);
  const categoryName = (id: string): string => catalog.categories.get(id as never)?.name ?? id;
  const industryName = (id: string): string => catalog.industries.get(id as never)?.name ?? id;
  const useCaseTitle = new Map(catalog.useCases.map((u) => [u.id, u.title]));
  const lowConfidence = rows.filter((r) => r.matched && isUnsure(r.confidence));
  const unanswered = rows.filter((r) => !r.matched);
  const inForce = policy?.current() ?? null;
  return {
    periodLabel: `${dateLabel(from, sub.timeZone)} – ${dateLabel(periodAt, sub.timeZone)}`,
    periodWord: periodWord(from, periodAt),
    total: rows.length,
    previousTotal: previous.length,
    byCategory: counts(rows, previous, (r) => r.category, categoryName),
    byIndustry: counts(rows, previous, (r) => r.industry, industryName),
    spend: spend(rows, catalog),
    topUseCases: counts(rows, [], (r) => r.useCase, (id) => useCaseTitle.get(id) ?? id)
      .slice(0, 3)
      .map((u) => ({ title: u.name, count: u.count })),
    attention: {
      unanswered: unanswered.length,
      lowConfidence: lowConfidence.length,
      // Text exists only when an admin turned text logging on; otherwise the counts stand alone.
      examples: [...unanswered, ...lowConfidence].flatMap((r) => (r.text ? [r.text] : [])).slice(0, EXAMPLES),
    },
    tip: toolTip(catalog, sentBefore, inForce),
    catalogChanges: await catalogChanges(store, catalog, last?.catalogVersion ?? null),
    feedback,
    schedule: describeSchedule(schedule),
    platform: sub.platform,
    catalogVersion: catalog.version,
    stalePrices: stalePricesLine(staleReport(catalog, { staleAfter, now: () => periodAt })),
    policy: inForce && policy ? await policyReport(policy.log, sub, from, periodAt) : null,
    corrections: corrections(pending, sub, (id) => (id === null ? '“nothing fits”' : id === 'none' ? '“not an AI-tool question”' : categoryName(id))),
  };
}

/** The whole workspace's counts, not the channel's: a policy is the company's, and so is its demand. */
async function policyReport(log: PolicyLogReader, sub: SubscriptionRecord, from: Date, to: Date): Promise<DigestData['policy']> {
  const counts = await log.policyCounts(from, to, sub.workspace || undefined);
  return buildPolicyReport(counts.rows, counts.requests, from, to);
}
