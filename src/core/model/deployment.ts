// A deployment's own model: the shipped corpus plus the corrections its owners accepted,
// trained with the shipped model's calibration (no folds: it has to be quick). The shipped
// corpus and model are never changed; this model lives only in that deployment.
import type { Catalog } from '../catalog.js';
import { PhraseEvidence } from '../phrase-evidence.js';
import { buildModel, TRAINING, type Labelled } from './build.js';
import type { ExampleT } from './corpus.js';
import type { ModelFileT } from './model-file.js';

/** An accepted correction counts this many corpus lines: one person's word against many writers'. */
export const CORRECTION_WEIGHT = 3;

export function trainWithCorrections(
  catalog: Catalog,
  corpus: readonly ExampleT[],
  corrections: readonly ExampleT[],
): ModelFileT {
  const phrases = new PhraseEvidence(catalog);
  const shipped = catalog.model;
  const data: Labelled[] = [
    ...corpus.map((example) => ({ view: phrases.read(example.q).view, example })),
    ...corrections.map((example) => ({ view: phrases.read(example.q).view, example, weight: CORRECTION_WEIGHT })),
  ];
  const temperatures = shipped
    ? { category: shipped.heads.category.temperature, industry: shipped.heads.industry.temperature, data: shipped.heads.data.temperature }
    : undefined;
  return buildModel(catalog.dataVersion, data, { ...TRAINING, folds: 0 }, temperatures);
}
