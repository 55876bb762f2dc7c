// The parts of an answer card that a company's AI policy adds, and the parts about named tools
// and sensitive data that every answer has. Without a policy the answer card keeps its old
// shape; these parts only add what the answer says about named tools and data.
import type { AnswerT, NamedToolT, RecommendationT } from '../core/answer.js';
import type { DataClassT } from '../core/schema.js';
import { BADGE_TEXT, payloadFor, type CardAction, type CardElement, type ToolLine } from './card.js';

const CLASS_TITLE: Readonly<Record<DataClassT, string>> = {
  personal: 'Personal data',
  health: 'Health data',
  financial: 'Financial data',
  credentials: 'Credentials',
  'source-code': 'Source code',
  confidential: 'Confidential material',
};

const lowerFirst = (s: string): string => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** The policy's data rules for this request: first on the card. */
export const noticeElements = (answer: AnswerT): CardElement[] =>
  (answer.notices ?? []).map((n) => ({ type: 'notice', title: CLASS_TITLE[n.class], text: n.note }));

/** A neutral reminder for sensitive data no rule covers: the core saw it, no policy speaks to it. */
export function dataReminder(answer: AnswerT): CardElement | null {
  const ruled = new Set((answer.notices ?? []).map((n) => n.class));
  const open = answer.data.filter((c) => !ruled.has(c));
  if (!open.length) return null;
  const what = open.map((c) => lowerFirst(CLASS_TITLE[c])).join(', ');
  return { type: 'context', text: `This mentions ${what}: check what your company allows you to share with an AI tool before you paste any in.` };
}

function namedLine(n: NamedToolT): ToolLine {
  const kind = lowerFirst(n.label);
  if (n.policy === null) return { name: n.name, note: `${n.label}, best for ${n.bestFor}` };
  const parts = [n.note, n.instead?.length ? `Allowed instead: ${n.instead.join(', ')}` : undefined];
  if (n.instead && !n.instead.length) parts.push(`No ${kind} is allowed instead`);
  const note = parts.filter(Boolean).join('. ');
  return { name: `${n.name} (${kind})`, badge: n.policy, ...(note ? { note } : {}) };
}

/** What the answer says about each tool the request names. */
export function namedElement(answer: AnswerT): CardElement | null {
  if (!answer.named.length) return null;
  return { type: 'tools', title: answer.named.length > 1 ? 'The tools you named' : 'The tool you named', tools: answer.named.map(namedLine) };
}

/** A recommendation's tools with their badges and notes; only under a policy. */
export function toolsElement(r: RecommendationT): CardElement {
  const tools: ToolLine[] = r.tools.map((t) => {
    const note = [t.note, t.url].filter(Boolean).join(' · ');
    return { name: t.name, ...(t.policy ? { badge: t.policy } : {}), ...(note ? { note } : {}) };
  });
  return { type: 'tools', title: 'Tools', tools, ...(r.unavailable && !r.tools.length ? { empty: r.unavailable.note } : {}) };
}

/** A recommendation's tools in one line: names, with the badge where a tool is not simply approved. */
export function toolNames(r: RecommendationT): string {
  if (!r.tools.length) return 'none your AI policy allows';
  return r.tools.map((t) => (t.policy && t.policy !== 'approved' ? `${t.name} (${BADGE_TEXT[t.policy].toLowerCase()})` : t.name)).join(', ');
}

/** What "Request access" asks for: a named tool under review, else the answer's first tool under review, else the kind. */
function accessSubject(answer: AnswerT, top: RecommendationT): string | null {
  const named = answer.named.find((n) => n.policy === 'review');
  if (named) return named.name;
  const review = top.tools.find((t) => t.policy === 'review');
  if (review) return review.name;
  return top.unavailable ? top.category : null;
}

/** The "Request access" button, when the policy has an access page and the answer has something to ask for. */
export function accessAction(answer: AnswerT, top: RecommendationT): CardAction | null {
  const access = answer.appliedPolicy?.access;
  const subject = access ? accessSubject(answer, top) : null;
  if (!access || !subject) return null;
  const payload = payloadFor(answer.query, { v: answer.catalog.version, access: subject });
  const kind = lowerFirst(top.label);
  const what = subject === top.category ? `${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind}` : subject;
  return { id: 'request_access', label: `Request access: ${what}`, payload, url: access.url, ...(top.unavailable ? { style: 'primary' as const } : {}) };
}

/** The policy's name on the card's version line. */
export const policyStamp = (answer: AnswerT): string =>
  answer.appliedPolicy ? ` · ${answer.appliedPolicy.name} (${answer.appliedPolicy.version})` : '';
