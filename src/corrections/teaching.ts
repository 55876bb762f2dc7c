// What of the accepted corrections teaches a deployment, in a form that crosses to the trainer
// process, and each one as a corpus line (the training data, and what `corrections export` writes).
import { createHash } from 'node:crypto';
import { Example, type ExampleT } from '../core/model/corpus.js';
import type { Recommender } from '../core/recommend.js';
import type { IndustryIdT } from '../core/schema.js';
import type { ChosenKind, CorrectionRecord, CorrectionStore } from '../store/correction-types.js';

export interface TeachingCorrection {
  readonly id: string;
  readonly text: string;
  readonly chosen: ChosenKind;
  /** The industry the person chose, else the one the bot answered (they saw it and let it stand). */
  readonly industry: IndustryIdT | null;
}

export const teachable = (c: CorrectionRecord): c is CorrectionRecord & { text: string } => c.text !== null && c.text.trim() !== '';

export function toTeaching(c: CorrectionRecord & { text: string }): TeachingCorrection {
  return { id: c.id, text: c.text, chosen: c.chosen.category, industry: c.chosen.industry ?? c.answered.industry };
}

/** The accepted corrections with text, oldest first: everything a deployment's model adds. */
export async function teachingSet(store: Pick<CorrectionStore, 'list'>): Promise<TeachingCorrection[]> {
  return (await store.list('accepted')).filter(teachable).map(toTeaching);
}

/** A digest of a teaching set: the server retrains when it changes, and caches models by it. */
export function teachingDigest(set: readonly TeachingCorrection[]): string {
  const h = createHash('sha256');
  for (const c of set) h.update(JSON.stringify([c.id, c.text, c.chosen, c.industry])).update('\n');
  return h.digest('hex').slice(0, 16);
}

/**
 * A correction as a corpus line. Volume, named tools and data classes are not asked of the
 * person: they are read by the shipped catalog and model (pass a recommender with the shipped
 * model, so the line does not depend on earlier corrections). Null for text no corpus line may
 * hold (over 2,000 characters).
 */
export function correctionExample(c: TeachingCorrection, shipped: Recommender): ExampleT | null {
  const answer = c.chosen === 'none' ? shipped.ask(c.text) : shipped.ask(c.text, { prefer: c.chosen });
  const line = Example.safeParse({
    q: c.text,
    accept: [c.chosen],
    industry: c.industry,
    volume: c.chosen === 'none' ? null : answer.volume,
    named: answer.named.map((n) => n.name),
    data: answer.data,
  });
  return line.success ? line.data : null;
}
