// The trained model as it is stored (`data/model.json`): the feature names, and for each head
// its labels, temperature and weights as integers in thousandths. Integers keep the file small
// and its bytes the same for the same training run.
import { z } from 'zod';

export const WEIGHT_SCALE = 100;

// The weight arrays hold most of a model's million numbers: checked by one plain loop, since a
// schema per element would add half a second to every start.
const integers = (nonNegative: boolean) =>
  z.custom<number[]>(
    (v) => Array.isArray(v) && v.every((n) => Number.isInteger(n) && (!nonNegative || n >= 0)),
    nonNegative ? 'expected an array of non-negative integers' : 'expected an array of integers',
  );

const Head = z
  .object({
    kind: z.enum(['softmax', 'sigmoid']),
    labels: z.array(z.string().min(1)).min(1),
    temperature: z.number().positive(),
    /** Indexes into `features` of the rows below, ascending. */
    rows: integers(true),
    /** rows.length × labels.length integers, row after row. */
    weights: integers(false),
  })
  .strict()
  .refine((h) => h.weights.length === h.rows.length * h.labels.length, { message: 'weights must have rows × labels entries', path: ['weights'] });

export const ModelFile = z
  .object({
    format: z.literal(1),
    /** A digest of the corpus and training options this model was trained from. */
    trainedFrom: z.string().regex(/^[0-9a-f]{12}$/),
    /** A digest of the feature and training code it was trained with. */
    trainedWith: z.string().regex(/^[0-9a-f]{12}$/),
    examples: z.number().int().nonnegative(),
    features: z.array(z.string()),
    heads: z.object({ category: Head, industry: Head, data: Head }).strict(),
  })
  .strict();

export type ModelFileT = z.infer<typeof ModelFile>;
export type HeadFileT = z.infer<typeof Head>;
export type HeadName = keyof ModelFileT['heads'];
