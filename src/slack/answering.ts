// From typed text to a card: checks the request, asks the core, records the request (no user
// ids) and the asker's history (hashed key), and picks the card. Shared by every way in.
import type { AnswerT } from '../core/answer.js';
import type { AskOptions } from '../core/recommend.js';
import { checkRequest } from '../core/request.js';
import { answerCard, helpCard, noticeCard, type AnswerCardOptions } from '../render/answer-card.js';
import type { Card } from '../render/card.js';
import type { SurfaceDeps } from '../surface/deps.js';
import { requestLogEntry } from '../store/request-entry.js';

/** Where a request came from. The user id only feeds the hashed history key. */
export interface Asker {
  readonly team: string;
  readonly user?: string;
  readonly channel?: string;
}

export interface Answered {
  readonly card: Card;
  readonly answer?: AnswerT;
}

export function refusalCard(message: string): Card {
  return noticeCard('I can’t answer that one', message);
}

export function answerText(deps: SurfaceDeps, raw: string, asker: Asker, options: AskOptions & AnswerCardOptions = {}): Answered {
  const check = checkRequest(raw);
  if (!check.ok) return { card: raw.trim() === '' ? helpCard() : refusalCard(check.message) };
  const answer = deps.recommender.ask(check.text, options.prefer ? { prefer: options.prefer } : {});
  record(deps, answer, asker);
  return { answer, card: answerCard(answer, { share: options.share ?? false, feedback: options.feedback ?? true }) };
}

function record(deps: SurfaceDeps, answer: AnswerT, asker: Asker): void {
  const at = new Date();
  const where = { surface: 'slack' as const, workspace: asker.team, at, ...(asker.channel ? { channel: asker.channel } : {}) };
  deps.store.logRequest(requestLogEntry(answer, where, deps.logRequestText));
  if (asker.user) deps.store.addHistory(deps.personKey(asker.team, asker.user), { at, text: answer.query });
}
