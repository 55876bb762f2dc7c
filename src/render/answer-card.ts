// Builds neutral cards from the answer model: the answer itself, its alternatives, the
// side-by-side comparison, and the replies for help, nothing-fits and refusals.
import type { AnswerT, RecommendationT } from '../core/answer.js';
import { payloadFor, quoteLine, type Card, type CardAction, type CardElement } from './card.js';
import { EXAMPLES } from './examples.js';
import { formatEstimate } from './money.js';

export interface AnswerCardOptions {
  /** Offer "Share in channel" (Slack's answers are private until shared). */
  readonly share?: boolean;
  /** Offer the feedback buttons (not on a shared copy). */
  readonly feedback?: boolean;
}

const quoteRequest = (query: string): string => quoteLine(query);

function catalogLine(answer: AnswerT): CardElement {
  return {
    type: 'context',
    text: `Catalog ${answer.catalog.version} · facts as of ${answer.catalog.asOf} · confidence ${Math.round(answer.confidence * 100)}%`,
  };
}

function costText(r: RecommendationT, answer: AnswerT): string {
  if (r.estimate && answer.volume) return `${formatEstimate(r.estimate, answer.volume)} (${r.facts.cost})`;
  return r.facts.cost;
}

function recommendationFields(r: RecommendationT, answer: AnswerT): CardElement {
  return {
    type: 'fields',
    fields: [
      { label: 'Tools', value: r.tools.map((t) => t.name).join(', ') },
      { label: 'Cost', value: costText(r, answer) },
      { label: 'Turnaround', value: r.facts.turnaround },
      { label: 'Expertise', value: `${capitalise(r.facts.expertise.level)}: ${r.facts.expertise.text}` },
      { label: 'Main limitation', value: r.facts.limitations[0] ?? 'None recorded.' },
    ],
  };
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function answerActions(answer: AnswerT, options: AnswerCardOptions): CardAction[] {
  const p = payloadFor(answer.query, { v: answer.catalog.version });
  const actions: CardAction[] = [];
  actions.push({ id: 'alternatives', label: 'Other options', payload: p });
  actions.push({ id: 'compare', label: 'Compare', payload: p });
  if (options.share) actions.push({ id: 'share', label: 'Share in channel', payload: p, style: 'primary' });
  if (options.feedback !== false) {
    actions.push({ id: 'feedback_up', label: '👍 Helpful', payload: p });
    actions.push({ id: 'feedback_down', label: '👎 Not helpful', payload: p });
  }
  return actions;
}

export function answerCard(answer: AnswerT, options: AnswerCardOptions = {}): Card {
  const top = answer.recommendations[0];
  if (!top) return nothingFitsCard(answer.query);
  if (answer.clarify.length) return clarifyCard(answer);
  const elements: CardElement[] = [
    { type: 'header', text: top.verdict },
    { type: 'text', text: `“${quoteRequest(answer.query)}”`, typed: true },
    recommendationFields(top, answer),
  ];
  if (top.recipe?.length) {
    elements.push({ type: 'list', title: 'How to split the work', items: top.recipe.map((s) => `${s.step}: ${s.tool}`) });
  }
  const ctx = answer.industryContext;
  if (ctx) {
    const lines = [`${ctx.name}: ${ctx.fact}`];
    if (ctx.caseStudy) lines.push(`Case study, ${ctx.caseStudy.title}: ${ctx.caseStudy.text}`);
    elements.push({ type: 'text', text: lines.join('\n') });
  }
  elements.push({ type: 'text', text: `Why: ${answer.explanation.summary}` });
  elements.push(catalogLine(answer));
  elements.push({ type: 'actions', actions: answerActions(answer, options) });
  return { summary: `${top.verdict}: ${top.tools.map((t) => t.name).join(', ')}`, elements };
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
    elements.push(recommendationFields(r, answer));
  }
  elements.push(catalogLine(answer));
  elements.push({ type: 'actions', actions: [{ id: 'back', label: 'Back to the answer', payload: payloadFor(answer.query, { v: answer.catalog.version }) }] });
  return { summary: `Other options for “${quoteRequest(answer.query)}”`, elements };
}

/** Language model against the best specialist for this request, on the source table's rows. */
export function compareCard(answer: AnswerT, llm: RecommendationT, specialist: RecommendationT): Card {
  const row = (label: string, pick: (r: RecommendationT) => string): string[] => [label, pick(llm), pick(specialist)];
  return {
    summary: `${llm.label} vs ${specialist.label}`,
    elements: [
      { type: 'header', text: `${llm.label} vs ${specialist.label}` },
      { type: 'text', text: `For “${quoteRequest(answer.query)}”`, typed: true },
      {
        type: 'table',
        columns: ['', llm.label, specialist.label],
        rows: [
          row('Tools', (r) => r.tools.map((t) => t.name).join(', ')),
          row('Cost', (r) => costText(r, answer)),
          row('Time', (r) => r.facts.turnaround),
          row('Expertise', (r) => capitalise(r.facts.expertise.level)),
          row('Limits', (r) => r.facts.limitations[0] ?? ''),
          row('Fit here', (r) => `${Math.round(r.score * 100)}%`),
        ],
      },
      catalogLine(answer),
      { type: 'actions', actions: [{ id: 'back', label: 'Back to the answer', payload: payloadFor(answer.query, { v: answer.catalog.version }) }] },
    ],
  };
}

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

/** A short notice; its message may quote what was typed (a schedule word, a refused request), so it is shown as typed. */
export function noticeCard(title: string, message: string): Card {
  return { summary: message, elements: [{ type: 'header', text: title }, { type: 'text', text: message, typed: true }] };
}
