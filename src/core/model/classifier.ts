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
  /** Dense by model feature id: features the head does not use have zero rows. */
  readonly weights: Float32Array;

  constructor(file: HeadFileT, featureCount: number) {
    this.labels = file.labels;
    this.kind = file.kind;
    this.temperature = file.temperature;
    const k = file.labels.length;
    this.weights = new Float32Array(featureCount * k);
    file.rows.forEach((f, r) => {
      for (let j = 0; j < k; j++) this.weights[f * k + j] = file.weights[r * k + j]! / WEIGHT_SCALE;
    });
  }

  run(x: SparseVector): HeadOutput {
    const z = logits(this.weights, this.labels.length, x);
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
    const ids: number[] = [];
    const values: number[] = [];
    for (const [name, v] of named) {
      const id = this.index.get(name);
      if (id !== undefined) {
        ids.push(id);
        values.push(v);
      }
    }
    const x: SparseVector = { ids: Int32Array.from(ids), values: Float64Array.from(values) };
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
      for (let j = 0; j < k; j++) mean += head.weights[id * k + j]!;
      const push = head.weights[id * k + at]! - mean / k;
      if (push > 0.3) scored.push({ word: t.word, push });
    }
    return scored
      .sort((a, b) => b.push - a.push || a.word.localeCompare(b.word))
      .slice(0, max)
      .map((s) => s.word);
  }
}
