// From a request to a card, the same on every surface: checks the request, asks the recommender,
// logs the request under the surface's name (no user ids, text only if an admin allows it), adds
// the asker's history (a keyed hash) when their id is given, and picks the card.
import type { AnswerT } from '../core/answer.js';
import type { AskOptions } from '../core/recommend.js';
import { checkRequest } from '../core/request.js';
import { answerCard, helpCard, noticeCard, type AnswerCardOptions } from '../render/answer-card.js';
import type { Card } from '../render/card.js';
import { requestLogEntry } from '../store/request-entry.js';
import type { Asker } from './asker.js';
import type { SurfaceDeps } from './deps.js';

export interface Answered {
  readonly card: Card;
  /** Absent when the request was refused: nothing was asked or logged. */
  readonly answer?: AnswerT;
}

const refusalCard = (message: string): Card => noticeCard('I can’t answer that one', message);

export function answerRequest(deps: SurfaceDeps, raw: string, asker: Asker, options: AskOptions & AnswerCardOptions = {}): Answered {
  const check = checkRequest(raw);
  if (!check.ok) return { card: raw.trim() === '' ? helpCard() : refusalCard(check.message) };
  const answer = deps.recommender.ask(check.text, options.prefer ? { prefer: options.prefer } : {});
  record(deps, answer, asker);
  return { answer, card: answerCard(answer, { share: options.share ?? false, feedback: options.feedback ?? true }) };
}

function record(deps: SurfaceDeps, answer: AnswerT, asker: Asker): void {
  const at = new Date();
  const where = { surface: asker.surface, workspace: asker.workspace, at, ...(asker.channel ? { channel: asker.channel } : {}) };
  deps.store.logRequest(requestLogEntry(answer, where, deps.logRequestText));
  if (asker.user) deps.store.addHistory(deps.personKey(asker.workspace, asker.user), { at, text: answer.query });
}
