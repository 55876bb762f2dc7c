// The labelled example corpus (`data/examples/*.jsonl`): one request a line, in the labelling
// guide's format. Validated line by line, so a bad line is reported by file, line and reason.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CorpusError } from '../errors.js';
import { CategoryId, DataClass, IndustryId, Volume } from '../schema.js';

/** A category id, or "none" for a message that asks for no tool. */
export const Label = z.union([CategoryId, z.literal('none')]);
export type LabelT = z.infer<typeof Label>;

export const Example = z
  .object({
    q: z.string().trim().min(1).max(2000),
    accept: z.array(Label).min(1),
    industry: IndustryId.nullable(),
    volume: Volume.nullable(),
    named: z.array(z.string().trim().min(1)).default([]),
    data: z.array(DataClass).default([]),
  })
  .strict();
export type ExampleT = z.infer<typeof Example>;

/** One example with where it came from, for reports and errors. */
export interface Sourced {
  readonly example: ExampleT;
  readonly file: string;
  readonly line: number;
}

export function parseCorpusText(file: string, text: string): Sourced[] {
  const out: Sourced[] = [];
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      throw new CorpusError(file, i + 1, `not valid JSON (${(err as Error).message})`);
    }
    const parsed = Example.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CorpusError(file, i + 1, `${issue.path.join('.') || '(line)'}: ${issue.message}`);
    }
    out.push({ example: parsed.data, file, line: i + 1 });
  });
  return out;
}

/** Every `.jsonl` file of a folder, in name order, so the corpus reads the same everywhere. */
export function loadCorpus(dir: string): Sourced[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  return files.flatMap((f) => parseCorpusText(f, readFileSync(join(dir, f), 'utf8')));
}
