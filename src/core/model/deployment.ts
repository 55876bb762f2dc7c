// A deployment's own model: the shipped corpus plus the corrections its owners accepted,
// trained with the shipped model's calibration (no folds: it has to be quick). The shipped
// corpus and model are never changed; this model lives only in that deployment.
import type { Catalog } from '../catalog.js';
import { PhraseEvidence } from '../phrase-evidence.js';
import { buildModelInParallel, TRAINING, type Weighed } from './build.js';
import type { ExampleT } from './corpus.js';
import { extractFeatures } from './features.js';
import type { SparseVector } from './linear.js';
import type { HeadName, ModelFileT } from './model-file.js';
import { FeatureTable } from './vocabulary.js';

/** An accepted correction counts this many corpus lines: one person's word against many writers'. */
export const CORRECTION_WEIGHT = 3;

/**
 * Retrains a deployment's model as often as its owners accept corrections. Reading the corpus
 * (the phrase matcher and spelling over 8,000 requests) costs more than training on it, so it is
 * read once, when the trainer is made, and kept as feature ids; each run reads only corrections.
 */
export class DeploymentTrainer {
  private readonly phrases: PhraseEvidence;
  private readonly table = new FeatureTable();
  private readonly corpus: readonly Weighed[];
  private readonly rows: readonly SparseVector[];
  /** Corrections read in the last run, by text: an accept adds one, the others need no reading again. */
  private known = new Map<string, SparseVector>();

  constructor(
    private readonly catalog: Catalog,
    corpus: readonly ExampleT[],
  ) {
    this.phrases = new PhraseEvidence(catalog);
    this.corpus = corpus.map((example) => ({ example }));
    this.rows = corpus.map((e) => this.read(e.q));
  }

  /** Reads only corrections it has not seen; the largest head trains in a worker thread. */
  train(corrections: readonly ExampleT[]): Promise<ModelFileT> {
    const extra = corrections.map((example) => ({ example, weight: CORRECTION_WEIGHT }));
    const known = new Map<string, SparseVector>();
    for (const e of corrections) known.set(e.q, known.get(e.q) ?? this.known.get(e.q) ?? this.read(e.q));
    this.known = known;
    const rows = [...this.rows, ...corrections.map((e) => known.get(e.q)!)];
    const shipped = this.catalog.model;
    const temperatures: Record<HeadName, number> | undefined = shipped
      ? { category: shipped.heads.category.temperature, industry: shipped.heads.industry.temperature, data: shipped.heads.data.temperature }
      : undefined;
    return buildModelInParallel(this.catalog.dataVersion, [...this.corpus, ...extra], { ...TRAINING, folds: 0 }, temperatures, { table: this.table, rows });
  }

  private read(q: string): SparseVector {
    return this.table.encode(extractFeatures(this.phrases.read(q).view));
  }
}

export function trainWithCorrections(catalog: Catalog, corpus: readonly ExampleT[], corrections: readonly ExampleT[]): Promise<ModelFileT> {
  return new DeploymentTrainer(catalog, corpus).train(corrections);
}
