// Trains the model from labelled requests: picks the feature vocabulary, fits each head, and
// (when asked) calibrates each head's temperature on held-out folds. Deterministic: the same
// requests and options give the same file, byte for byte.
import { createHash } from 'node:crypto';
import { INDUSTRY_IDS } from '../schema.js';
import { DATA_CLASSES } from '../schema.js';
import type { ExampleT, LabelT } from './corpus.js';
import { extractFeatures, familyOf, type FeatureFamily, type MatcherView } from './features.js';
import { codeDigest } from './code-digest.js';
import { fitHead, type FittedHead, type HeadJob } from './fit-head.js';
import { fitHeads } from './fit-heads.js';
import type { HeadKind, Sample, SparseVector } from './linear.js';
import { FeatureTable, vectorise, vocabulary } from './vocabulary.js';
import { WEIGHT_SCALE, type HeadFileT, type HeadName, type ModelFileT } from './model-file.js';

export const CATEGORY_LABELS: readonly LabelT[] = ['llm', 'code', 'image', 'video', 'audio', '3d', 'multimodal', 'none'];
export const INDUSTRY_LABELS: readonly string[] = ['none', ...INDUSTRY_IDS];

export interface TrainingOptions {
  readonly seed: number;
  /** Passes over the requests, per head: the category head settles sooner than the sparser two. */
  readonly epochs: Readonly<Record<HeadName, number>>;
  readonly rate: number;
  /** L2 penalty per update, per head: the sparse heads need more to lean on shared features. */
  readonly l2: Readonly<Record<HeadName, number>>;
  readonly minCount: Readonly<Record<string, number>>;
  readonly folds: number;
  readonly secondaryShare: number;
}

export const TRAINING: TrainingOptions = Object.freeze({
  seed: 20261203,
  epochs: Object.freeze({ category: 7, industry: 12, data: 12 }),
  rate: 0.3,
  l2: Object.freeze({ category: 2e-5, industry: 5e-4, data: 5e-4 }),
  /** A word or pair must appear in this many requests to be a feature; letter groups in more. */
  minCount: Object.freeze({ word: 2, pair: 2, chars: 3 }),
  /** Folds for calibrating temperatures; 0 keeps the temperatures given. */
  folds: 5,
  /** The share of the target a second accepted category gets. */
  secondaryShare: 0.25,
});


export interface Weighed {
  readonly example: ExampleT;
  /** Corrections accepted by a deployment's owners weigh more than one corpus line. */
  readonly weight?: number;
}

export interface Labelled extends Weighed {
  readonly view: MatcherView;
}

/** Requests already read into a feature table (a deployment keeps its corpus this way). */
export interface Encoded {
  readonly table: FeatureTable;
  /** One per request, in the order of the requests. */
  readonly rows: readonly SparseVector[];
}

interface HeadSpec {
  readonly kind: HeadKind;
  readonly labels: readonly string[];
  readonly families: ReadonlySet<FeatureFamily | 'bias'>;
  readonly target: (e: ExampleT) => Float64Array;
}

function categoryTarget(e: ExampleT, share: number): Float64Array {
  const y = new Float64Array(CATEGORY_LABELS.length);
  const [first, ...rest] = e.accept;
  y[CATEGORY_LABELS.indexOf(first!)] = rest.length ? 1 - share : 1;
  for (const r of rest) y[CATEGORY_LABELS.indexOf(r)]! += share / rest.length;
  return y;
}

const HEADS = (share: number): Record<HeadName, HeadSpec> => ({
  category: {
    kind: 'softmax',
    labels: CATEGORY_LABELS,
    families: new Set(['word', 'pair', 'chars', 'matcher', 'tool', 'kind', 'bias']),
    target: (e) => categoryTarget(e, share),
  },
  industry: {
    kind: 'softmax',
    labels: INDUSTRY_LABELS,
    families: new Set(['word', 'pair', 'industry', 'bias']),
    target: (e) => {
      const y = new Float64Array(INDUSTRY_LABELS.length);
      y[INDUSTRY_LABELS.indexOf(e.industry ?? 'none')] = 1;
      return y;
    },
  },
  data: {
    kind: 'sigmoid',
    labels: DATA_CLASSES,
    families: new Set(['word', 'pair', 'data', 'bias']),
    target: (e) => Float64Array.from(DATA_CLASSES, (c) => (e.data.includes(c) ? 1 : 0)),
  },
});

/** The part of a vector a head uses: its families only. */
function restrict(x: Sample['x'], uses: Uint8Array): Sample['x'] {
  let n = 0;
  for (let i = 0; i < x.ids.length; i++) n += uses[x.ids[i]!]!;
  if (n === x.ids.length) return x;
  const ids = new Int32Array(n);
  const values = new Float64Array(n);
  for (let i = 0, j = 0; i < x.ids.length; i++) {
    if (!uses[x.ids[i]!]) continue;
    ids[j] = x.ids[i]!;
    values[j++] = x.values[i]!;
  }
  return { ids, values };
}

/** A digest of what a model is trained from: the catalog's data, the requests, their weights and the options. */
export function trainingDigest(dataVersion: string, data: readonly Weighed[], options: TrainingOptions): string {
  const h = createHash('sha256').update(dataVersion).update(JSON.stringify(options));
  for (const d of data) h.update(JSON.stringify(d.example)).update(`\0${d.weight ?? 1}\n`);
  return h.digest('hex').slice(0, 12);
}

type ModelData = readonly (Weighed & { view?: MatcherView })[];

interface Prepared {
  readonly features: string[];
  readonly names: HeadName[];
  readonly jobs: HeadJob[];
}

/** Everything before the arithmetic: the vocabulary, and each head's samples and settings. */
function prepare(data: ModelData, options: TrainingOptions, temperatures: Readonly<Record<HeadName, number>> | undefined, encoded: Encoded | undefined): Prepared {
  const { table, rows } = encoded ?? encode(data.map((d) => d.view!));
  const { features, remap } = vocabulary(table, rows, data.map((d) => d.weight ?? 1), options.minCount);
  const vectors = rows.map((r) => vectorise(r, remap));
  const families = features.map(familyOf);
  const specs = HEADS(options.secondaryShare);
  const names = Object.keys(specs) as HeadName[];
  const jobs = names.map((name): HeadJob => {
    const spec = specs[name];
    const uses = Uint8Array.from(families, (f) => (spec.families.has(f) ? 1 : 0));
    return {
      samples: data.map((d, i) => ({ x: restrict(vectors[i]!, uses), y: spec.target(d.example), weight: d.weight ?? 1 })),
      featureCount: features.length,
      labels: spec.labels.length,
      kind: spec.kind,
      fit: { epochs: options.epochs[name], rate: options.rate, l2: options.l2[name], seed: options.seed },
      folds: options.folds,
      temperature: temperatures?.[name] ?? 1,
    };
  });
  return { features, names, jobs };
}

function assemble(dataVersion: string, data: ModelData, options: TrainingOptions, prepared: Prepared, fitted: readonly FittedHead[]): ModelFileT {
  const specs = HEADS(options.secondaryShare);
  const heads = {} as Record<HeadName, HeadFileT>;
  prepared.names.forEach((name, i) => {
    const spec = specs[name];
    const { weights, temperature } = fitted[i]!;
    heads[name] = { kind: spec.kind, labels: [...spec.labels], temperature, ...stored(weights, prepared.features.length, spec.labels.length) };
  });
  return { format: 1, trainedFrom: trainingDigest(dataVersion, data, options), trainedWith: codeDigest(), examples: data.length, features: prepared.features, heads };
}

export function buildModel(dataVersion: string, data: readonly Labelled[], options?: TrainingOptions, temperatures?: Readonly<Record<HeadName, number>>): ModelFileT;
export function buildModel(dataVersion: string, data: readonly Weighed[], options: TrainingOptions, temperatures: Readonly<Record<HeadName, number>> | undefined, encoded: Encoded): ModelFileT;
export function buildModel(
  dataVersion: string,
  data: ModelData,
  options: TrainingOptions = TRAINING,
  temperatures?: Readonly<Record<HeadName, number>>,
  encoded?: Encoded,
): ModelFileT {
  const prepared = prepare(data, options, temperatures, encoded);
  return assemble(dataVersion, data, options, prepared, prepared.jobs.map(fitHead));
}

/** buildModel with the largest head in a worker thread (fit-heads.ts): the same file, sooner. */
export async function buildModelInParallel(
  dataVersion: string,
  data: ModelData,
  options: TrainingOptions = TRAINING,
  temperatures?: Readonly<Record<HeadName, number>>,
  encoded?: Encoded,
  trace?: { thread: boolean },
): Promise<ModelFileT> {
  const prepared = prepare(data, options, temperatures, encoded);
  return assemble(dataVersion, data, options, prepared, await fitHeads(prepared.jobs, true, trace));
}

function encode(views: readonly MatcherView[]): Encoded {
  const table = new FeatureTable();
  return { table, rows: views.map((v) => table.encode(extractFeatures(v))) };
}

/** A head's weights as the file keeps them: integer thousandths, rows with no weight left out. */
function stored(w: Float64Array, featureCount: number, k: number): { rows: number[]; weights: number[] } {
  const rows: number[] = [];
  const weights: number[] = [];
  const row = new Float64Array(k);
  for (let f = 0; f < featureCount; f++) {
    let any = false;
    for (let j = 0; j < k; j++) {
      // `+ 0` turns -0 into 0: no -0 in the file.
      row[j] = Math.round(w[f * k + j]! * WEIGHT_SCALE) + 0;
      if (row[j] !== 0) any = true;
    }
    if (!any) continue;
    rows.push(f);
    for (let j = 0; j < k; j++) weights.push(row[j]!);
  }
  return { rows, weights };
}
