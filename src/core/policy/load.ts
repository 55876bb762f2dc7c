// Reads a policy file: JSON, then the schema, then the references to the catalog. Whatever is
// wrong is reported as `file: JSON.path: reason` (PolicyError), the way the catalog's own files are.
import { readFileSync } from 'node:fs';
import type { Catalog } from '../catalog.js';
import { PolicyError } from '../errors.js';
import { CatalogTools } from './catalog-tools.js';
import { compilePolicy, type Problem } from './compile.js';
import type { Policy } from './policy.js';
import { PolicyFile } from './schema.js';

const formatPath = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

// Catalog tools are indexed once per catalog: a reload only re-reads the file.
const indexes = new WeakMap<Catalog, CatalogTools>();
const toolsOf = (catalog: Catalog): CatalogTools => indexes.get(catalog) ?? indexes.set(catalog, new CatalogTools(catalog)).get(catalog)!;

/** Checks policy text; `file` only names it in messages. Throws PolicyError. */
export function parsePolicy(file: string, text: string, catalog: Catalog): Policy {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new PolicyError(file, [{ path: '', reason: `not valid JSON: ${(err as Error).message}` }]);
  }
  const result = PolicyFile.safeParse(json);
  if (!result.success) {
    const problems: Problem[] = result.error.issues.map((i) => ({ path: formatPath(i.path), reason: i.message }));
    throw new PolicyError(file, problems);
  }
  const compiled = compilePolicy(file, text, result.data, toolsOf(catalog));
  if (!compiled.ok) throw new PolicyError(file, compiled.problems);
  return compiled.policy;
}

/** Reads and checks a policy file. Throws PolicyError, also when the file cannot be read. */
export function loadPolicy(file: string, catalog: Catalog): Policy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PolicyError(file, [{ path: '', reason: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
  return parsePolicy(file, text, catalog);
}
