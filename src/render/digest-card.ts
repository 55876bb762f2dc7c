// The digest as a neutral Card, from plain figures the digest module gathered. Pure: no store,
// no clock, no SDK, so Block Kit, Adaptive Cards and text all show the same digest.
import type { PolicyReport } from '../core/policy/report.js';
import { payloadFor, quoteLine, type Card, type CardElement } from './card.js';
import { formatUsd } from './money.js';
import { policyReportSections } from './policy-card.js';

export interface CountRow {
  readonly name: string;
  readonly count: number;
  /** This period's count minus the last period's. */
  readonly change: number;
}

export interface DigestData {
  /** E.g. "23–30 Nov 2026". */
  readonly periodLabel: string;
  /** "week", "day" or "period": how the reader calls the span. */
  readonly periodWord: string;
  readonly total: number;
  readonly previousTotal: number;
  readonly byCategory: readonly CountRow[];
  readonly byIndustry: readonly CountRow[];
  /** Sum of the estimates of requests that stated a volume, per month; null when none did. */
  readonly spend: { readonly low: number; readonly high: number; readonly requests: number } | null;
  readonly topUseCases: readonly { readonly title: string; readonly count: number }[];
  readonly attention: { readonly unanswered: number; readonly lowConfidence: number; readonly examples: readonly string[] };
  /** null only when a company AI policy prohibits every tool of the catalog: nothing to suggest. */
  readonly tip: { readonly category: string; readonly tool: string; readonly bestFor: string; readonly caseStudy: { readonly industry: string; readonly title: string; readonly text: string } | null } | null;
  /** null on a first digest or when nothing changed. */
  readonly catalogChanges: { readonly added: readonly string[]; readonly removed: readonly string[]; readonly newUseCases: readonly string[]; readonly from: string; readonly to: string } | null;
  readonly feedback: { readonly up: number; readonly down: number };
  /** "every Monday at 09:00 (Europe/Berlin)". */
  readonly schedule: string;
  /** Where it is posted: the footer names that platform's own command. */
  readonly platform: 'slack' | 'teams';
  readonly catalogVersion: string;
  /** "14 prices older than 6 months" for the catalog's owners; null when none is. */
  readonly stalePrices: string | null;
  /** With a company AI policy: its owners' counts for the period (counts only, never text or people). */
  readonly policy?: PolicyReport | null;
  /** Corrections from this workspace waiting for the owners (oldest first), and how many more. */
  readonly corrections?: { readonly pending: readonly PendingCorrection[]; readonly more: number };
}

export interface PendingCorrection {
  readonly id: string;
  /** The request; null when the deployment keeps no request text. */
  readonly text: string | null;
  /** Kind names: what was answered ("nothing fits" included) and what the person chose. */
  readonly answered: string;
  readonly chosen: string;
  /** Sent in a flood: worth a closer look. */
  readonly flagged: boolean;
}

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');
const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** How people say the span and the one before it. */
const SPANS: Readonly<Record<string, readonly [string, string]>> = { day: ['today', 'yesterday'], week: ['this week', 'last week'] };

/** "18 requests today, 18 more than yesterday", "3 requests this week, 2 fewer than last week". */
export function activityLine(total: number, previous: number, periodWord: string): string {
  const [now, before] = SPANS[periodWord] ?? [`this ${periodWord}`, `the ${periodWord} before`];
  const diff = total - previous;
  const change = diff > 0 ? `${diff.toLocaleString('en-US')} more than ${before}` : diff < 0 ? `${(-diff).toLocaleString('en-US')} fewer than ${before}` : `as many as ${before}`;
  return `${plural(total, 'request')} ${now}, ${change}.`;
}

/** The footer's commands, in the syntax of the platform the digest is posted on. */
const COMMAND: Readonly<Record<DigestData['platform'], string>> = { slack: '/whichtool', teams: '@Which Tool' };

function activity(d: DigestData): CardElement[] {
  const out: CardElement[] = [{ type: 'text', text: activityLine(d.total, d.previousTotal, d.periodWord) }];
  const table = (title: string, rows: readonly CountRow[]): CardElement[] =>
    rows.length ? [{ type: 'table', columns: [title, 'Requests', 'Change'], rows: rows.map((r) => [r.name, String(r.count), signed(r.change)]) }] : [];
  out.push(...table('Category', d.byCategory), ...table('Industry', d.byIndustry));
  if (d.spend)
    out.push({
      type: 'fields',
      fields: [{ label: 'Likely spend', value: `${formatUsd(d.spend.low)}–${formatUsd(d.spend.high)} a month, from ${plural(d.spend.requests, 'request')} that stated a volume` }],
    });
  if (d.topUseCases.length) out.push({ type: 'list', title: 'Top use cases', items: d.topUseCases.map((u) => `${u.title} (${u.count})`) });
  const a = d.attention;
  if (a.unanswered || a.lowConfidence || d.stalePrices) {
    const items = [
      ...(a.unanswered ? [`${plural(a.unanswered, 'request')} the catalog could not answer`] : []),
      ...(a.lowConfidence ? [`${plural(a.lowConfidence, 'request')} answered with low confidence`] : []),
      ...(d.stalePrices ? [`${d.stalePrices}: check them with “npx which-tool catalog check”`] : []),
      ...a.examples.map((e) => `“${quoteLine(e, 120)}”`),
    ];
    // Examples are requests as people typed them: shown as text, never as markup.
    out.push({ type: 'list', title: 'For the catalog owners', items, typed: a.examples.length > 0 });
  }
  return out;
}

/** Each waiting correction with Accept / Reject; the buttons carry only its id. */
function corrections(c: NonNullable<DigestData['corrections']>): CardElement[] {
  if (!c.pending.length) return [];
  const out: CardElement[] = [{ type: 'text', emphasis: true, text: 'For the catalog owners: corrections waiting for a decision' }];
  for (const p of c.pending) {
    const asked = p.text === null ? 'A request (its text is not kept)' : `“${quoteLine(p.text, 200)}”`;
    out.push({ type: 'text', typed: true, text: `${asked}: answered ${p.answered}, the person chose ${p.chosen}${p.flagged ? ' (flagged: sent in a flood)' : ''}` });
    out.push({ type: 'actions', actions: [
      { id: 'correction_accept', label: 'Accept', payload: payloadFor('', { id: p.id }), style: 'primary' },
      { id: 'correction_reject', label: 'Reject', payload: payloadFor('', { id: p.id }), style: 'danger' },
    ] });
  }
  if (c.more) out.push({ type: 'context', text: `${plural(c.more, 'more correction')} waiting: which-tool corrections list --status pending` });
  return out;
}

export function digestCard(d: DigestData): Card {
  const quiet = d.total === 0;
  const elements: CardElement[] = [
    { type: 'header', text: `Which Tool digest · ${d.periodLabel}` },
    ...(quiet ? [{ type: 'text', text: `No one asked Which Tool here this ${d.periodWord}. Here is something worth knowing instead.` } as const] : activity(d)),
    ...(d.corrections ? corrections(d.corrections) : []),
  ];
  if (d.tip) {
    elements.push({ type: 'divider' }, { type: 'text', emphasis: true, text: `Tool tip: ${d.tip.tool} (${d.tip.category})` }, { type: 'text', text: `Best for ${d.tip.bestFor}.` });
    if (d.tip.caseStudy) elements.push({ type: 'text', text: `Case study, ${d.tip.caseStudy.industry}: ${d.tip.caseStudy.title}. ${d.tip.caseStudy.text}` });
  }
  const c = d.catalogChanges;
  if (c) {
    const parts = [
      c.added.length ? `new tools: ${c.added.join(', ')}` : '',
      c.removed.length ? `retired: ${c.removed.join(', ')}` : '',
      c.newUseCases.length ? `new use cases: ${c.newUseCases.join(', ')}` : '',
    ].filter(Boolean);
    elements.push({ type: 'text', text: `Catalog updated since the last digest${parts.length ? `: ${parts.join('; ')}` : ' (facts and prices revised)'}.` });
  }
  if (d.feedback.up || d.feedback.down) elements.push({ type: 'fields', fields: [{ label: 'Feedback', value: `👍 ${d.feedback.up} · 👎 ${d.feedback.down}` }] });
  if (d.policy) elements.push({ type: 'divider' }, { type: 'text', emphasis: true, text: 'For the AI policy’s owners (counts only)' }, ...policyReportSections(d.policy));
  const command = COMMAND[d.platform];
  elements.push({
    type: 'context',
    text: `Sent ${d.schedule}. Change it with “${command} digest weekly monday 09:00”, stop it with “${command} digest off”. Catalog ${d.catalogVersion}.`,
  });
  const summary = quiet
    ? `Which Tool digest for ${d.periodLabel}: a quiet ${d.periodWord}${d.tip ? `, and a tip on ${d.tip.tool}` : ''}`
    : `Which Tool digest for ${d.periodLabel}: ${plural(d.total, 'request')}`;
  return { summary, elements };
}
