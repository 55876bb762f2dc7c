// A digest of the code that turns a corpus into a model, recorded in the model file, so a test
// notices a change to features or training that was not followed by `npm run train`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TRAINING_CODE = ['features', 'linear', 'vocabulary', 'build', 'fit-head'] as const;

/** The TypeScript sources when they are there (a checkout); the compiled files otherwise (an image). */
function files(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const src = here.replace(`${sep}dist${sep}src${sep}`, `${sep}src${sep}`);
  const ts = TRAINING_CODE.map((f) => join(src, `${f}.ts`));
  return ts.every((f) => existsSync(f)) ? ts : TRAINING_CODE.map((f) => join(here, `${f}.js`));
}

export function codeDigest(): string {
  const h = createHash('sha256');
  for (const f of files()) h.update(readFileSync(f, 'utf8').replace(/\r\n/g, '\n')).update('\0');
  return h.digest('hex').slice(0, 12);
}
