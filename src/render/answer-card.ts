// Builds neutral cards from the answer model: the answer itself, its alternatives, the
// side-by-side comparison, and the replies for help, nothing-fits and refusals.
import type { AnswerT, CitationT, RecommendationT } from '../core/answer.js';
import { payloadFor, quoteLine, type Card, type CardAction, type CardElement } from './card.js';
import { EXAMPLES } from './examples.js';
import { formatEstimate, formatUsd } from './money.js';
import { accessAction, dataReminder, namedElement, noticeElements, policyStamp, toolNames, toolsElement } from './policy-parts.js';
import { sideBySide } from './side-by-side.js';
import { factDates, sourcesLine, staleLegend, staleMark } from './sources.js';

export interface AnswerCardOptions {
  /** Offer "Share in channel" (Slack's answers are private until shared). */
  readonly share?: boolean;
  /** Offer the feedback buttons (not on a shared copy). */
  readonly feedback?: boolean;
}

const quoteRequest = (query: string): string => quoteLine(query);

/** The catalog's version, the dates of the facts the card shows, and how sure the answer is. */
function catalogLine(answer: AnswerT, cited: readonly CitationT[] = []): CardElement {
  const parts = [`Catalog ${answer.catalog.version}`, factDates(cited), staleLegend(answer, cited), `confidence ${Math.round(answer.confidence * 100)}%${policyStamp(answer)}`];
  return { type: 'context', text: parts.filter(Boolean).join(' · ') };
}

/** The sources line, then the catalog line, for the facts a card shows. */
function provenance(answer: AnswerT, cited: readonly CitationT[]): CardElement[] {
  const sources = sourcesLine(answer, cited);
  return [...(sources ? [{ type: 'context' as const, text: sources }] : []), catalogLine(answer, cited)];
}

function costText(r: RecommendationT, answer: AnswerT): string {
  const base = r.estimate && answer.volume ? `${formatEstimate(r.estimate, answer.volume)} (${r.facts.cost})` : r.facts.cost;
  const priced = `${base}${staleMark(r.cited, 'cost')}`;
  if (!r.plans.length) return priced;
  const plans = r.plans.map((p) => `${p.tool} ${formatUsd(p.low)}–${formatUsd(p.high)} a ${p.per}`);
  return `${priced} Sold by subscription: ${plans.join('; ')}.${staleMark(r.cited, 'plans')}`;
}

/** Under a policy the tools get their own element, with badges and notes; the facts stay fields. */
function recommendationParts(r: RecommendationT, answer: AnswerT): CardElement[] {
  if (!answer.appliedPolicy) return [recommendationFields(r, answer, true)];
  const parts = [toolsElement(r)];
  if (r.unavailable && r.tools.length) parts.push({ type: 'text', text: r.unavailable.note });
  return [...parts, recommendationFields(r, answer, false)];
}

function recommendationFields(r: RecommendationT, answer: AnswerT, withTools: boolean): CardElement {
  return {
    type: 'fields',
    fields: [
      ...(withTools ? [{ label: 'Tools', value: `${toolNames(r)}${staleMark(r.cited, 'tools')}` }] : []),
      { label: 'Cost', value: costText(r, answer) },
      { label: 'Turnaround', value: `${r.facts.turnaround}${staleMark(r.cited, 'turnaround')}` },
      { label: 'Expertise', value: `${capitalise(r.facts.expertise.level)}: ${r.facts.expertise.text}${staleMark(r.cited, 'expertise')}` },
      { label: 'Main limitation', value: r.facts.limitations[0] ? `${r.facts.limitations[0]}${staleMark(r.cited, 'limitation')}` : 'None recorded.' },
    ],
  };
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** "Video generator" → "video generator" mid-sentence, but "3D generator" stays. */
const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

function answerActions(answer: AnswerT, top: RecommendationT, options: AnswerCardOptions): CardAction[] {
  const p = payloadFor(answer.query, { v: answer.catalog.version });
  const actions: CardAction[] = [];
  actions.push({ id: 'alternatives', label: 'Other options', payload: p });
  actions.push({ id: 'compare', label: 'Compare', payload: p });
  const access = accessAction(answer, top);
  if (access) actions.push(access);
  if (options.share) actions.push({ id: 'share', label: 'Share in channel', payload: p, style: 'primary' });
  if (options.feedback !== false) {
    actions.push({ id: 'feedback_up', label: '👍 Helpful', payload: p });
    actions.push({ id: 'feedback_down', label: '👎 Not helpful', payload: p });
  }
  return actions;
}

export function answerCard(answer: AnswerT, options: AnswerCardOptions = {}): Card {
  const top = answer.recommendations[0];
  if (!top) return withNotices(nothingFitsCard(answer.query), answer);
  if (answer.clarify.length) return withNotices(clarifyCard(answer), answer);
  const versus = sideBySide(answer);
  // The table says what the list would; the list stays when a policy adds notes and alternatives.
  const named = versus && !answer.appliedPolicy ? null : namedElement(answer);
  const elements: CardElement[] = [
    // Data rules first: they decide what may be pasted into any tool below.
    ...noticeElements(answer),
    { type: 'header', text: top.verdict },
    { type: 'text', text: `“${quoteRequest(answer.query)}”`, typed: true },
    ...(named ? [named] : []),
    ...(versus ? [versus] : []),
    ...recommendationParts(top, answer),
  ];
  if (top.recipe?.length) {
    elements.push({ type: 'list', title: 'How to split the work', items: top.recipe.map((s) => `${s.step}: ${s.tool ?? 'no tool your AI policy allows'}`) });
  }
  if (top.changes.length) {
    const changes = top.changes.map((c) => `${c.when} → ${lowerFirst(c.label)}`).join('; ');
    elements.push({ type: 'text', text: `What would change the verdict: ${changes}${staleMark(top.cited, 'changes')}` });
  }
  const ctx = answer.industryContext;
  if (ctx) {
    const lines: string[] = [];
    if (ctx.fact) lines.push(`${ctx.name}: ${ctx.fact}${staleMark(ctx.cited, 'industry fact')}`);
    if (ctx.caseStudy) lines.push(`Case study${ctx.fact ? '' : ` (${ctx.name})`}, ${ctx.caseStudy.title}: ${ctx.caseStudy.text}${staleMark(ctx.cited, 'case study')}`);
    elements.push({ type: 'text', text: lines.join('\n') });
  }
  const reminder = dataReminder(answer);
  if (reminder) elements.push(reminder);
  elements.push({ type: 'text', text: `Why: ${answer.explanation.summary}` });
  elements.push(...provenance(answer, [...top.cited, ...(ctx?.cited ?? [])]));
  elements.push({ type: 'actions', actions: answerActions(answer, top, options) });
  return { summary: `${top.verdict}: ${toolNames(top)}`, elements };
}

export function clarifyCard(answer: AnswerT): Card {
  return {
    summary: 'Which of these do you mean?',
    elements: [
      { type: 'header', text: 'Which of these do you mean?' },
      { type: 'text', text: `“${quoteRequest(answer.query)}” could go more than one way. Pick the closest:`, typed: true },
      {
        type: 'actions',
        actions: answer.clarify.map((c) => ({ id: 'clarify', label: c.label, payload: payloadFor(answer.query, { prefer: c.category }) })),
      },
      catalogLine(answer),
    ],
  };
}

export function alternativesCard(answer: AnswerT): Card {
  const rest = answer.recommendations.slice(1);
  const elements: CardElement[] = [{ type: 'header', text: 'Other options' }, { type: 'text', text: `For “${quoteRequest(answer.query)}”`, typed: true }];
  if (!rest.length) elements.push({ type: 'text', text: 'No other kind of tool fits this request well; the tools above are the best of their kind for it.' });
  for (const r of rest) {
    elements.push({ type: 'divider' });
    elements.push({ type: 'text', text: `${r.verdict} (fit ${Math.round(r.score * 100)}%)`, emphasis: true });
    elements.push(...recommendationParts(r, answer));
  }
  elements.push(...provenance(answer, rest.flatMap((r) => r.cited)));
  elements.push({ type: 'actions', actions: [{ id: 'back', label: 'Back to the answer', payload: payloadFor(answer.query, { v: answer.catalog.version }) }] });
  return withNotices({ summary: `Other options for “${quoteRequest(answer.query)}”`, elements }, answer);
}

/** Language model against the best specialist for this request, on the source table's rows. */
export function compareCard(answer: AnswerT, llm: RecommendationT, specialist: RecommendationT): Card {
  const row = (label: string, pick: (r: RecommendationT) => string): string[] => [label, pick(llm), pick(specialist)];
  return withNotices({
    summary: `${llm.label} vs ${specialist.label}`,
    elements: [
      { type: 'header', text: `${llm.label} vs ${specialist.label}` },
      { type: 'text', text: `For “${quoteRequest(answer.query)}”`, typed: true },
      {
        type: 'table',
        columns: ['', llm.label, specialist.label],
        rows: [
          row('Tools', (r) => `${toolNames(r)}${staleMark(r.cited, 'tools')}`),
          row('Cost', (r) => costText(r, answer)),
          row('Time', (r) => `${r.facts.turnaround}${staleMark(r.cited, 'turnaround')}`),
          row('Expertise', (r) => `${capitalise(r.facts.expertise.level)}${staleMark(r.cited, 'expertise')}`),
          row('Limits', (r) => (r.facts.limitations[0] ? `${r.facts.limitations[0]}${staleMark(r.cited, 'limitation')}` : '')),
          row('Fit here', (r) => `${Math.round(r.score * 100)}%`),
        ],
      },
      // The table shows no "what would change the verdict": its sources are not named.
      ...provenance(answer, [...llm.cited, ...specialist.cited].filter((c) => c.part !== 'changes')),
      { type: 'actions', actions: [{ id: 'back', label: 'Back to the answer', payload: payloadFor(answer.query, { v: answer.catalog.version }) }] },
    ],
  }, answer);
}

/** Every card made from an answer starts with the policy's data rules for it, whatever else it shows. */
const withNotices = (card: Card, answer: AnswerT): Card =>
  answer.notices?.length ? { ...card, elements: [...noticeElements(answer), ...card.elements] } : card;

export function helpCard(intro = 'Tell me what you want to make or do, and I will say which kind of AI tool fits, what it costs and how long it takes.'): Card {
  return {
    summary: 'Which Tool: ask which AI tool fits a job',
    elements: [
      { type: 'header', text: 'Which Tool' },
      { type: 'text', text: intro },
      { type: 'text', text: 'Try one of these:' },
      { type: 'actions', actions: EXAMPLES.map((q) => ({ id: 'example', label: q, payload: payloadFor(q) })) },
      { type: 'context', text: 'Answers come from a curated catalog on this server; nothing you type leaves it.' },
    ],
  };
}

export function nothingFitsCard(query: string): Card {
  return {
    summary: 'That does not look like a job for an AI tool.',
    elements: [
      { type: 'header', text: 'No AI tool fits that' },
      {
        type: 'text',
        text: `I could not find something to make or do in “${quoteRequest(query)}”. Describe the output you need: words, code, images, video, audio or 3D.`,
        typed: true,
      },
      { type: 'actions', actions: EXAMPLES.map((q) => ({ id: 'example', label: q, payload: payloadFor(q) })) },
    ],
  };
}

/** A card as posted for others to see: it says first who put it there. */
export function sharedCard(card: Card, by: { readonly name: string; readonly slackUser?: string }): Card {
  return { ...card, elements: [{ type: 'shared-by', ...by }, ...card.elements] };
}

/** A short notice; its message may quote what was typed (a schedule word, a refused request), so it is shown as typed. */
export function noticeCard(title: string, message: string): Card {
  return { summary: message, elements: [{ type: 'header', text: title }, { type: 'text', text: message, typed: true }] };
}
