// The request-log line for an answer, the same for every surface: what was recommended, never
// who asked; the text only when an admin turned text logging on.
import type { AnswerT } from '../core/answer.js';
import type { RequestLogEntry, Surface } from './types.js';

export interface AskedWhere {
  readonly surface: Surface;
  readonly workspace: string;
  readonly channel?: string;
  readonly at?: Date;
}

export function requestLogEntry(answer: AnswerT, where: AskedWhere, keepText: boolean): RequestLogEntry {
  const top = answer.recommendations[0];
  return {
    at: where.at ?? new Date(),
    surface: where.surface,
    workspace: where.workspace,
    ...(where.channel ? { channel: where.channel } : {}),
    category: top?.category ?? null,
    industry: answer.industry,
    confidence: answer.confidence,
    volume: answer.volume,
    matched: Boolean(top),
    useCase: top?.useCase?.id ?? null,
    ...(keepText ? { text: answer.query } : {}),
  };
}
