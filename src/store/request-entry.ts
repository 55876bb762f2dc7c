// The request-log line for an answer, the same for every surface: what was recommended, never
// who asked; the text only when an admin turned text logging on.
import type { AnswerT } from '../core/answer.js';
import type { PolicyFacts, RequestLogEntry, Surface } from './types.js';

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
    ...policyPart(answer),
  };
}

/** The policy owners' counts for an answer; nothing when there is nothing to count (most answers). */
function policyPart(answer: AnswerT): { policy?: PolicyFacts } {
  const unapproved = unapprovedOf(answer);
  if (!unapproved && !answer.named.length && !answer.data.length) return {};
  const named = answer.named.map((n) => ({ name: n.name, status: n.policy }));
  return { policy: { ...(unapproved ? { unapproved } : {}), named, data: answer.data } };
}

function unapprovedOf(answer: AnswerT): PolicyFacts['unapproved'] {
  const top = answer.recommendations[0];
  if (!answer.appliedPolicy || !top || top.tools.some((t) => t.policy === 'approved')) return undefined;
  const best = top.tools.some((t) => t.policy === 'restricted') ? 'restricted' : top.tools.length ? 'review' : top.unavailable?.reason === 'data' ? 'data' : 'prohibited';
  return { category: top.category, best };
}
