// Plain text: the terminal, chat fallbacks and notifications. No markup to escape.
import type { AnswerT } from '../core/answer.js';
import { answerCard } from './answer-card.js';
import { BADGE_TEXT, type Card, type CardElement, type ToolLine } from './card.js';

const toolLines = (t: ToolLine): string[] => [
  `  • ${t.name}${t.badge ? ` [${BADGE_TEXT[t.badge].toLowerCase()}]` : ''}`,
  ...(t.note ? [`      ${t.note}`] : []),
];

function element(e: CardElement): string[] {
  switch (e.type) {
    case 'header':
      return [e.text.toUpperCase()];
    case 'text':
      return [e.text];
    case 'fields':
      return e.fields.map((f) => `${f.label}: ${f.value}`);
    case 'list':
      return [`${e.title}:`, ...e.items.map((i, n) => `  ${n + 1}. ${i}`)];
    case 'table':
      return e.rows.map((r) => `${r[0]}: ${e.columns.slice(1).map((c, i) => `${c}: ${r[i + 1]}`).join(' | ')}`);
    case 'divider':
      return ['—'];
    case 'context':
      return [e.text];
    case 'shared-by':
      return [`Shared by ${e.name}`];
    case 'actions': {
      // A terminal cannot press buttons: it lists choices, and prints the pages an action opens.
      const choices = e.actions.some((a) => a.id === 'example' || a.id === 'clarify') ? e.actions.map((a) => `  • ${a.label}`) : [];
      return [...choices, ...e.actions.flatMap((a) => (a.url ? [`${a.label}: ${a.url}`] : []))];
    }
    case 'notice':
      return [`! ${e.title}: ${e.text}`];
    case 'tools':
      return [`${e.title}:`, ...(e.tools.length ? e.tools.flatMap(toolLines) : [`  ${e.empty ?? 'none'}`])];
    case 'link':
      return [`${e.label}: ${e.url}`];
  }
}

export const cardToText = (card: Card): string => card.elements.flatMap(element).join('\n');

export const answerToText = (answer: AnswerT): string => cardToText(answerCard(answer, { feedback: false }));
