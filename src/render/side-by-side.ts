// "Midjourney or DALL-E for a logo?": when a request names two or more tools, the person wants
// them set against each other, not only the kind of tool. The rows are what the catalog knows of
// each (kind, best use, price, a limit) and, under a policy, whether they may use it.
import type { AnswerT, NamedToolT } from '../core/answer.js';
import { BADGE_TEXT, type CardElement } from './card.js';
import { formatUsd } from './money.js';

/** At most this many columns: a Slack section shows ten fields, a phone shows far fewer. */
const MAX_TOOLS = 3;

/** A named tool's price: its plans' range, else what its kind costs per use. */
export const namedPrice = (n: NamedToolT): string => (n.plan ? `${formatUsd(n.plan.low)}–${formatUsd(n.plan.high)} a ${n.plan.per}` : (n.cost ?? '—'));

/** The side-by-side table of the tools a request names; null for fewer than two. */
export function sideBySide(answer: AnswerT): CardElement | null {
  const tools = answer.named.slice(0, MAX_TOOLS);
  if (tools.length < 2) return null;
  const rows: string[][] = [
    ['Kind', ...tools.map((t) => t.label)],
    ['Best for', ...tools.map((t) => t.bestFor || '—')],
    ['Price', ...tools.map(namedPrice)],
  ];
  // Tools of one kind share their kind's limits: a row saying the same thing twice says nothing.
  const limits = tools.map((t) => t.limit ?? '—');
  if (new Set(limits).size > 1) rows.push(['A limit', ...limits]);
  if (answer.appliedPolicy) rows.push(['Your policy', ...tools.map((t) => (t.policy ? BADGE_TEXT[t.policy] : '—'))]);
  return { type: 'table', columns: ['', ...tools.map((t) => t.name)], rows };
}
