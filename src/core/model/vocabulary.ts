// Which features a model keeps, and each request as ids into them. Feature names are turned into
// small integers once, in a table that can outlive one training run: a deployment retraining
// after every accepted correction reads its corpus once and keeps it this way, not as millions
// of strings.
import { familyOf, type Features } from './features.js';
import type { SparseVector } from './linear.js';

export class FeatureTable {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();

  /** A request's features as table ids, in the order they were extracted (training sums in that order). */
  encode(f: Features): SparseVector {
    const ids = new Int32Array(f.size);
    const values = new Float64Array(f.size);
    let i = 0;
    for (const [name, v] of f) {
      let id = this.ids.get(name);
      if (id === undefined) {
        id = this.names.length;
        this.names.push(name);
        this.ids.set(name, id);
      }
      ids[i] = id;
      values[i++] = v;
    }
    return { ids, values };
  }
}

export interface Vocabulary {
  /** The model's feature names, sorted. */
  readonly features: string[];
  /** Table id → model feature id; -1 for a feature left out. */
  readonly remap: Int32Array;
}

/**
 * Features seen in enough requests. A weighted request counts its weight: an accepted correction
 * (weight 3) brings its own words in even when no other request uses them, which is the point of
 * it (a deployment's product names); corpus lines all weigh 1, so the shipped model is unchanged.
 */
export function vocabulary(
  table: FeatureTable,
  rows: readonly SparseVector[],
  weights: readonly number[],
  minCount: Readonly<Record<string, number>>,
): Vocabulary {
  const df = new Float64Array(table.names.length);
  rows.forEach((r, i) => {
    const w = weights[i]!;
    for (let j = 0; j < r.ids.length; j++) df[r.ids[j]!]! += w;
  });
  const keep: string[] = [];
  for (let id = 0; id < df.length; id++) {
    const name = table.names[id]!;
    if (df[id]! > 0 && df[id]! >= (minCount[familyOf(name)] ?? 1)) keep.push(name);
  }
  const features = keep.sort();
  const at = new Map(features.map((f, i) => [f, i]));
  const remap = Int32Array.from(table.names, (name) => at.get(name) ?? -1);
  return { features, remap };
}

/** A request as model feature ids, in the order extracted, without the features left out. */
export function vectorise(row: SparseVector, remap: Int32Array): SparseVector {
  let n = 0;
  for (let i = 0; i < row.ids.length; i++) if (remap[row.ids[i]!]! >= 0) n++;
  const ids = new Int32Array(n);
  const values = new Float64Array(n);
  for (let i = 0, j = 0; i < row.ids.length; i++) {
    const id = remap[row.ids[i]!]!;
    if (id < 0) continue;
    ids[j] = id;
    values[j++] = row.values[i]!;
  }
  return { ids, values };
}
