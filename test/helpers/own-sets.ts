// The project's own labelled sets, written from the labelling guide: what the tests score and
// render, so a clone alone in its folder tests itself (the shared dev set is CI's extra, see .ci/run).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const OWN_SETS = ['own-cases.jsonl', 'own-cases-2.jsonl', 'own-cases-3.jsonl', 'own-cases-4.jsonl'].map((f) => resolve('test/fixtures', f));

/** Every request of the own sets, in file order. */
export const ownRequests = (): string[] =>
  OWN_SETS.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { q: string }).q),
  );
