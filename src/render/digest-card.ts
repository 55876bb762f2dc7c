// The digest as a neutral Card, from plain figures the digest module gathered. Pure: no store,
// no clock, no SDK, so Block Kit, Adaptive Cards and text all show the same digest.
import { quoteLine, type Card, type CardElement } from './card.js';
import { formatUsd } from './money.js';

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
  readonly tip: { readonly category: string; readonly tool: string; readonly bestFor: string; readonly caseStudy: { readonly industry: string; readonly title: string; readonly text: string } | null };
  /** null on a first digest or when nothing changed. */
  readonly catalogChanges: { readonly added: readonly string[]; readonly removed: readonly string[]; readonly newUseCases: readonly string[]; readonly from: string; readonly to: string } | null;
  readonly feedback: { readonly up: number; readonly down: number };
  /** "every Monday at 09:00 (Europe/Berlin)". */
  readonly schedule: string;
}

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');
const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

function activity(d: DigestData): CardElement[] {
  const out: CardElement[] = [
    { type: 'text', text: `${plural(d.total, 'request')} this ${d.periodWord} (${signed(d.total - d.previousTotal)} on the last ${d.periodWord}).` },
  ];
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
  if (a.unanswered || a.lowConfidence) {
    const items = [
      ...(a.unanswered ? [`${plural(a.unanswered, 'request')} the catalog could not answer`] : []),
      ...(a.lowConfidence ? [`${plural(a.lowConfidence, 'request')} answered with low confidence`] : []),
      ...a.examples.map((e) => `“${quoteLine(e, 120)}”`),
    ];
    // Examples are requests as people typed them: shown as text, never as markup.
    out.push({ type: 'list', title: 'For the catalog owners', items, typed: a.examples.length > 0 });
  }
  return out;
}

export function digestCard(d: DigestData): Card {
  const quiet = d.total === 0;
  const elements: CardElement[] = [
    { type: 'header', text: `Which Tool digest · ${d.periodLabel}` },
    ...(quiet ? [{ type: 'text', text: `No one asked Which Tool here this ${d.periodWord}. Here is something worth knowing instead.` } as const] : activity(d)),
    { type: 'divider' },
    { type: 'text', emphasis: true, text: `Tool tip: ${d.tip.tool} (${d.tip.category})` },
    { type: 'text', text: `Best for ${d.tip.bestFor}.` },
  ];
  if (d.tip.caseStudy) elements.push({ type: 'text', text: `Case study, ${d.tip.caseStudy.industry}: ${d.tip.caseStudy.title}. ${d.tip.caseStudy.text}` });
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
  elements.push({ type: 'context', text: `Sent ${d.schedule}. Change it with “/whichtool digest weekly monday 09:00”, stop it with “/whichtool digest off”.` });
  const summary = quiet
    ? `Which Tool digest for ${d.periodLabel}: a quiet ${d.periodWord}, and a tip on ${d.tip.tool}`
    : `Which Tool digest for ${d.periodLabel}: ${plural(d.total, 'request')}`;
  return { summary, elements };
}
