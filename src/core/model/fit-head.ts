// One head's share of training, free of everything else the build does: its samples in, its
// temperature (from held-out folds, or the one given) and weights out. Pure arithmetic, so the
// same job gives the same numbers bit for bit on the main thread or in a worker (head-worker.ts).
import { fitTemperature, logits, train, type HeadKind, type Sample, type TrainOptions } from './linear.js';

/** How a head is fitted, apart from its samples (which a worker receives packed: packed-job.ts). */
export interface HeadSettings {
  readonly featureCount: number;
  readonly labels: number;
  readonly kind: HeadKind;
  readonly fit: TrainOptions;
  /** Folds for calibrating the temperature; below 2, `temperature` is kept. */
  readonly folds: number;
  readonly temperature: number;
}

export interface HeadJob extends HeadSettings {
  readonly samples: readonly Sample[];
}

export interface FittedHead {
  readonly weights: Float64Array;
  readonly temperature: number;
}

/** Out-of-fold logits for every sample (fold = index mod folds), for calibration and reports. */
export function outOfFold(samples: readonly Sample[], featureCount: number, labels: number, kind: HeadKind, fit: TrainOptions, folds: number): Float64Array[] {
  const out: Float64Array[] = new Array(samples.length);
  for (let fold = 0; fold < folds; fold++) {
    const trainSet = samples.filter((_, i) => i % folds !== fold);
    const w = train(trainSet, featureCount, labels, kind, fit);
    samples.forEach((s, i) => {
      if (i % folds === fold) out[i] = logits(w, labels, s.x);
    });
  }
  return out;
}

export function fitHead(job: HeadJob): FittedHead {
  const { samples, featureCount, labels, kind, fit, folds } = job;
  let temperature = job.temperature;
  if (folds > 1) {
    const z = outOfFold(samples, featureCount, labels, kind, fit, folds);
    temperature = fitTemperature(kind, samples.map((s, i) => ({ z: z[i]!, y: s.y })));
  }
  return { weights: train(samples, featureCount, labels, kind, fit), temperature };
}
