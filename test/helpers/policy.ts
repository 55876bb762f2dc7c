// Policy files for tests: the documented example, and files written on the spot.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { shippedCatalog } from './catalog.js';

/** The example from the contract, documented in docs/policy.md: tests keep the documented file honest. */
export const ACME = resolve('docs/policy.example.json');

let dir: string | undefined;

/** Writes a policy (an object, or raw text) to a fresh file and returns its path. */
export function policyFile(name: string, content: unknown): string {
  dir ??= mkdtempSync(join(tmpdir(), 'which-tool-policy-'));
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

/** Every catalog tool listed under a category, by catalog name. */
export const toolsOf = (category: string): string[] =>
  shippedCatalog().categories.get(category as never)!.tools.map((t) => t.name);
