// A linear classifier over sparse features: multinomial logistic regression (one label of
// several) or one logistic unit per label (several labels at once). Trained by AdaGrad with
// L2 regularisation in a seeded order, so the same samples always give the same weights.

export type HeadKind = 'softmax' | 'sigmoid';

/** Feature ids and their values, as parallel arrays. */
export interface SparseVector {
  readonly ids: Int32Array;
  readonly values: Float64Array;
}

export interface Sample {
  readonly x: SparseVector;
  /** Target per label: a distribution for softmax, 0/1 per label for sigmoid. */
  readonly y: Float64Array;
  /** How much this sample counts (accepted corrections count more than one corpus line). */
  readonly weight: number;
}

export interface TrainOptions {
  readonly epochs: number;
  /** AdaGrad's step size. */
  readonly rate: number;
  /** L2 penalty per update. */
  readonly l2: number;
  readonly seed: number;
}

/** mulberry32: a small, well-known seeded generator; enough for shuffling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Raw scores (logits) of each label; `weights` is feature-major: weights[f * k + label]. */
export function logits(weights: ArrayLike<number>, labels: number, x: SparseVector, out = new Float64Array(labels)): Float64Array {
  out.fill(0);
  for (let i = 0; i < x.ids.length; i++) {
    const base = x.ids[i]! * labels;
    const v = x.values[i]!;
    for (let k = 0; k < labels; k++) out[k]! += weights[base + k]! * v;
  }
  return out;
}

/** Turns logits into probabilities in place, after dividing them by a temperature. */
export function squash(kind: HeadKind, z: Float64Array, temperature = 1): Float64Array {
  if (kind === 'sigmoid') {
    for (let k = 0; k < z.length; k++) z[k] = 1 / (1 + Math.exp(-z[k]! / temperature));
    return z;
  }
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) max = Math.max(max, z[k]! / temperature);
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    z[k] = Math.exp(z[k]! / temperature - max);
    sum += z[k]!;
  }
  for (let k = 0; k < z.length; k++) z[k]! /= sum;
  return z;
}

export function train(samples: readonly Sample[], features: number, labels: number, kind: HeadKind, options: TrainOptions): Float64Array {
  const w = new Float64Array(features * labels);
  // AdaGrad's squared-gradient sums kept per feature, not per feature and label: one square
  // root per feature and sample instead of one per label, for the same convergence here.
  const g2 = new Float64Array(features).fill(1e-8);
  const order = samples.map((_, i) => i);
  const random = seededRandom(options.seed);
  const z = new Float64Array(labels);
  // The labels a sample still gets wrong, found once per sample rather than once per feature:
  // the same updates in the same order (so the same weights, bit for bit), far fewer tests.
  const active = new Int32Array(labels);
  const { rate, l2 } = options;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    // Fisher–Yates with the seeded generator: a different, reproducible order each epoch.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    for (let o = 0; o < order.length; o++) {
      const { x, y, weight } = samples[order[o]!]!;
      squash(kind, logits(w, labels, x, z));
      let err2 = 0;
      let n = 0;
      for (let k = 0; k < labels; k++) {
        const e = weight * (z[k]! - y[k]!);
        z[k] = e;
        err2 += e * e;
        // A label the sample already gets right to 1e-4 moves nothing worth the work.
        if (!(e < 1e-4 && e > -1e-4)) active[n++] = k;
      }
      const ids = x.ids;
      const values = x.values;
      for (let i = 0; i < ids.length; i++) {
        const f = ids[i]!;
        const base = f * labels;
        const v = values[i]!;
        g2[f]! += err2 * v * v;
        const step = rate / Math.sqrt(g2[f]!);
        for (let a = 0; a < n; a++) {
          const k = active[a]!;
          const at = base + k;
          w[at]! -= step * (z[k]! * v + l2 * w[at]!);
        }
      }
    }
  }
  return w;
}

/** The temperature that makes held-out probabilities honest: least log-loss over a grid. */
export function fitTemperature(kind: HeadKind, held: readonly { z: Float64Array; y: Float64Array }[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.3; t <= 4.001; t += 0.05) {
    let loss = 0;
    for (const { z, y } of held) {
      const p = squash(kind, Float64Array.from(z), t);
      for (let k = 0; k < p.length; k++) {
        if (kind === 'softmax') loss -= y[k]! * Math.log(Math.max(p[k]!, 1e-12));
        else loss -= y[k]! * Math.log(Math.max(p[k]!, 1e-12)) + (1 - y[k]!) * Math.log(Math.max(1 - p[k]!, 1e-12));
      }
    }
    if (loss < bestLoss - 1e-9) {
      bestLoss = loss;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}
