// Cards about the AI policy itself: its summary (`which-tool policy check`, and `/whichtool
// policy` in chat later), the owners' report, and the reply to "Request access".
import type { PolicyReport } from '../core/policy/report.js';
import type { PolicySummary } from '../core/policy/summary.js';
import type { PolicyStatusT } from '../core/answer.js';
import { BADGE_TEXT, type Card, type CardElement } from './card.js';

const list = (names: readonly string[]): string => (names.length ? names.join(', ') : 'none');
const orNone = (items: string[]): string[] => (items.length ? items : ['none']);

export function policySummaryCard(s: PolicySummary): Card {
  const statuses: PolicyStatusT[] = ['approved', 'restricted', 'review', 'prohibited'];
  const about = [s.owner && `owner ${s.owner}`, s.updated && `updated ${s.updated}`, `version ${s.version}`].filter(Boolean).join(' · ');
  const elements: CardElement[] = [
    { type: 'header', text: s.name },
    { type: 'context', text: about },
    { type: 'fields', fields: statuses.map((st) => ({ label: `${BADGE_TEXT[st]} (${s.byStatus[st].length})`, value: list(s.byStatus[st]) })) },
  ];
  if (s.own.length) elements.push({ type: 'list', title: 'Your company’s own tools', items: s.own.map((o) => `${o.name}: ${o.kind}, ${BADGE_TEXT[o.status].toLowerCase()}`) });
  elements.push({
    type: 'list',
    title: 'Data rules',
    items: s.data.length ? s.data.map((d) => `${d.class}: only ${list(d.allow)} (${d.note})`) : ['none: sensitive data gets a neutral reminder only'],
  });
  elements.push({
    type: 'text',
    text: `Catalog tools the policy does not name (${s.unlisted.tools.length}), therefore ${BADGE_TEXT[s.unlisted.status].toLowerCase()}: ${list(s.unlisted.tools)}`,
  });
  elements.push({ type: 'text', text: s.access ? `Access requests: ${s.access}` : 'Access requests: no link; people are told to ask whoever owns the policy.' });
  if (s.warnings.length) elements.push({ type: 'list', title: 'Warnings', items: [...s.warnings] });
  return { summary: `${s.name}: ${s.byStatus.approved.length} approved, ${s.byStatus.prohibited.length} prohibited`, elements };
}

export function policyReportCard(r: PolicyReport): Card {
  const per = (n: number): string => (r.requests ? ` (${Math.round((n / r.requests) * 100)}% of ${r.requests})` : '');
  const elements: CardElement[] = [
    { type: 'header', text: 'AI policy: demand report' },
    { type: 'context', text: `${r.since.slice(0, 10)} to ${r.until.slice(0, 10)} · ${r.requests} requests answered · counts only, no text or people` },
    {
      type: 'list',
      title: `Answered with no approved tool: ${r.noApproved.total}${per(r.noApproved.total)}`,
      items: orNone(r.noApproved.byCategory.map((c) =>
        `${c.category}: ${c.total} (best offered: restricted ${c.restricted}, under review ${c.review}; nothing allowed ${c.prohibited}, by a data rule ${c.data})`)),
    },
    { type: 'list', title: 'Named tools under review or prohibited', items: orNone(r.named.map((n) => `${n.name} (${BADGE_TEXT[n.status].toLowerCase()}): ${n.count}`)) },
    { type: 'list', title: 'Access requests', items: orNone(r.access.map((a) => `${a.subject}: ${a.count}`)) },
    { type: 'list', title: 'Sensitive data mentioned', items: orNone(r.data.map((d) => `${d.class}: ${d.count}${per(d.count)}`)) },
  ];
  return { summary: `AI policy: ${r.noApproved.total} requests answered with no approved tool`, elements };
}

/** The reply to "Request access" where the press could not open the page itself (Teams). */
export function accessCard(subject: string, access: { readonly url: string; readonly note?: string } | null): Card {
  const text = access
    ? `Your request for ${subject} is counted. Fill in the access request so the owners of your AI policy can review it.${access.note ? ` ${access.note}` : ''}`
    : `Your request for ${subject} is counted. Your AI policy names no access page: ask whoever owns it.`;
  return {
    summary: `Request access to ${subject}`,
    elements: [{ type: 'header', text: `Request access to ${subject}` }, { type: 'text', text }, ...(access ? [{ type: 'link' as const, label: 'Open the access request', url: access.url }] : [])],
  };
}
