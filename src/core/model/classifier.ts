// The trained model at answer time: features of a request in, calibrated probabilities per
// head out, and which words pushed a label up (for the explanation).
import { extractFeatures, type MatcherView } from './features.js';
import { logits, squash, type HeadKind, type SparseVector } from './linear.js';
import { WEIGHT_SCALE, type HeadFileT, type HeadName, type ModelFileT } from './model-file.js';

export interface HeadOutput {
  readonly labels: readonly string[];
  readonly probabilities: Float64Array;
}

export interface Classification {
  readonly category: HeadOutput;
  readonly industry: HeadOutput;
  readonly data: HeadOutput;
}

class Head {
  readonly labels: readonly string[];
  readonly kind: HeadKind;
  readonly temperature: number;
  /** The head's own rows only, in the file's order: most features (letter groups) are not its. */
  readonly weights: Float32Array;
  /** Model feature id → row in `weights`, or -1 for a feature the head has no weight for. */
  readonly rowOf: Int32Array;

  constructor(file: HeadFileT, featureCount: number) {
    this.labels = file.labels;
    this.kind = file.kind;
    this.temperature = file.temperature;
    // Plain loops: a million weights, read at every start.
    const w = file.weights;
    this.weights = new Float32Array(w.length);
    for (let i = 0; i < w.length; i++) this.weights[i] = w[i]! / WEIGHT_SCALE;
    this.rowOf = new Int32Array(featureCount).fill(-1);
    for (let r = 0; r < file.rows.length; r++) this.rowOf[file.rows[r]!] = r;
  }

  /** The weight of model feature `f` for label `j` (0 when the head has none). */
  weight(f: number, j: number): number {
    const r = this.rowOf[f]!;
    return r < 0 ? 0 : this.weights[r * this.labels.length + j]!;
  }

  run(x: SparseVector): HeadOutput {
    // Only the features with a row: a zero row adds exactly nothing, so the sums are the same.
    const ids = new Int32Array(x.ids.length);
    const values = new Float64Array(x.ids.length);
    let n = 0;
    for (let i = 0; i < x.ids.length; i++) {
      const r = this.rowOf[x.ids[i]!]!;
      if (r < 0) continue;
      ids[n] = r;
      values[n++] = x.values[i]!;
    }
    const z = logits(this.weights, this.labels.length, { ids: ids.subarray(0, n), values: values.subarray(0, n) });
    return { labels: this.labels, probabilities: squash(this.kind, z, this.temperature) };
  }
}

export class Classifier {
  private readonly index = new Map<string, number>();
  private readonly heads: Record<HeadName, Head>;

  constructor(readonly file: ModelFileT) {
    file.features.forEach((f, i) => this.index.set(f, i));
    const n = file.features.length;
    this.heads = {
      category: new Head(file.heads.category, n),
      industry: new Head(file.heads.industry, n),
      data: new Head(file.heads.data, n),
    };
  }

  get version(): string {
    return this.file.trainedFrom;
  }

  classify(view: MatcherView): Classification {
    const named = extractFeatures(view);
    const ids = new Int32Array(named.size);
    const values = new Float64Array(named.size);
    let n = 0;
    for (const [name, v] of named) {
      const id = this.index.get(name);
      if (id === undefined) continue;
      ids[n] = id;
      values[n++] = v;
    }
    const x: SparseVector = { ids: ids.subarray(0, n), values: values.subarray(0, n) };
    return { category: this.heads.category.run(x), industry: this.heads.industry.run(x), data: this.heads.data.run(x) };
  }

  /** Words (as written) whose own features most raise `label` of a head, strongest first. */
  why(headName: HeadName, label: string, view: MatcherView, max = 3): string[] {
    const head = this.heads[headName];
    const k = head.labels.length;
    const at = head.labels.indexOf(label);
    if (at < 0) return [];
    const scored: { word: string; push: number }[] = [];
    const seen = new Set<string>();
    for (const t of view.tokens) {
      if (seen.has(t.stem)) continue;
      seen.add(t.stem);
      const id = this.index.get(`w${t.stem}`);
      if (id === undefined) continue;
      // How much more this word says for the label than for the average label.
      let mean = 0;
      for (let j = 0; j < k; j++) mean += head.weight(id, j);
      const push = head.weight(id, at) - mean / k;
      if (push > 0.3) scored.push({ word: t.word, push });
    }
    return scored
      .sort((a, b) => b.push - a.push || a.word.localeCompare(b.word))
      .slice(0, max)
      .map((s) => s.word);
  }
}
