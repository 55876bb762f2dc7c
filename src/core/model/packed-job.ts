// A head's job as a few flat typed arrays, so it crosses to a worker thread by transfer instead
// of being cloned sample by sample; unpacked as views on those arrays, so training reads the very
// same numbers in the same order.
import type { HeadJob, HeadSettings } from './fit-head.js';
import type { Sample } from './linear.js';

export interface PackedJob extends HeadSettings {
  /** Sample i's features are ids/values[offsets[i] .. offsets[i + 1]). */
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
  readonly values: Float64Array;
  /** labels targets per sample, sample after sample. */
  readonly targets: Float64Array;
  readonly weights: Float64Array;
}

export function packJob(job: HeadJob): PackedJob {
  const n = job.samples.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + job.samples[i]!.x.ids.length;
  const ids = new Int32Array(offsets[n]!);
  const values = new Float64Array(offsets[n]!);
  const targets = new Float64Array(n * job.labels);
  const weights = new Float64Array(n);
  job.samples.forEach((s, i) => {
    ids.set(s.x.ids, offsets[i]);
    values.set(s.x.values, offsets[i]);
    targets.set(s.y, i * job.labels);
    weights[i] = s.weight;
  });
  const { featureCount, labels, kind, fit, folds, temperature } = job;
  return { featureCount, labels, kind, fit, folds, temperature, offsets, ids, values, targets, weights };
}

export function unpackJob(p: PackedJob): HeadJob {
  const samples: Sample[] = [];
  for (let i = 0; i + 1 < p.offsets.length; i++) {
    const [from, to] = [p.offsets[i]!, p.offsets[i + 1]!];
    samples.push({
      x: { ids: p.ids.subarray(from, to), values: p.values.subarray(from, to) },
      y: p.targets.subarray(i * p.labels, (i + 1) * p.labels),
      weight: p.weights[i]!,
    });
  }
  const { featureCount, labels, kind, fit, folds, temperature } = p;
  return { samples, featureCount, labels, kind, fit, folds, temperature };
}

/** The buffers to hand over with postMessage: the sender no longer needs them. */
export const transferList = (p: PackedJob): ArrayBuffer[] => [p.offsets, p.ids, p.values, p.targets, p.weights].map((a) => a.buffer as ArrayBuffer);
