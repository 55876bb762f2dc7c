// Loads the data files, validates each with its schema, checks the references between them,
// and returns one frozen catalog with a content version.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { CatalogError } from './errors.js';
import { ModelFile, type ModelFileT } from './model/model-file.js';
import {
  CategoriesFile, IndustriesFile, Lexicon, SourcesFile, UseCasesFile,
  type CategoryIdT, type CategoryT, type IndustryIdT, type IndustryT, type LexiconT, type SourceT, type UseCaseT,
} from './schema.js';

export const DATA_FILES = {
  sources: 'sources.json',
  categories: 'categories.json',
  useCases: 'use-cases.json',
  industries: 'industries.json',
  lexicon: 'lexicon.json',
} as const;

export interface Catalog {
  /** A digest of the data files and the model: what an answer was given from. */
  readonly version: string;
  /** A digest of the data files alone: what a model is trained against. */
  readonly dataVersion: string;
  /** The newest as-of date of any fact. */
  readonly asOf: string;
  readonly sources: readonly SourceT[];
  readonly categories: ReadonlyMap<CategoryIdT, CategoryT>;
  readonly useCases: readonly UseCaseT[];
  readonly industries: ReadonlyMap<IndustryIdT, IndustryT>;
  readonly lexicon: LexiconT;
  /** The trained model (`model.json`); without one, answers come from the phrases alone. */
  readonly model: ModelFileT | null;
}

export const MODEL_FILE = 'model.json';

type Problem = { path: string; reason: string };

const formatPath = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

function parseFile<S extends z.ZodType>(file: string, schema: S, text: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CatalogError(file, [{ path: '', reason: `not valid JSON: ${(err as Error).message}` }]);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new CatalogError(
      file,
      result.error.issues.map((i) => ({ path: formatPath(i.path), reason: i.message })),
    );
  }
  return result.data;
}

function duplicates<T>(items: readonly T[], key: (t: T) => string, at: (i: number) => string): Problem[] {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  items.forEach((item, i) => {
    const k = key(item).toLowerCase();
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else problems.push({ path: at(i), reason: `duplicate id "${key(item)}" (first at ${at(first)})` });
  });
  return problems;
}

function fail(file: string, problems: Problem[]): void {
  if (problems.length) throw new CatalogError(file, problems);
}

/** Reads the catalog from a folder of data files; throws CatalogError naming file, path and reason. */
export function loadCatalog(dir: string = defaultDataDir()): Catalog {
  const raws = Object.fromEntries(
    Object.values(DATA_FILES).map((f) => {
      try {
        return [f, readFileSync(join(dir, f), 'utf8')];
      } catch (err) {
        throw new CatalogError(f, [{ path: '', reason: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})` }]);
      }
    }),
  ) as Record<string, string>;
  const { sources } = parseFile(DATA_FILES.sources, SourcesFile, raws[DATA_FILES.sources] ?? '');
  const { categories } = parseFile(DATA_FILES.categories, CategoriesFile, raws[DATA_FILES.categories] ?? '');
  const { useCases } = parseFile(DATA_FILES.useCases, UseCasesFile, raws[DATA_FILES.useCases] ?? '');
  const { industries } = parseFile(DATA_FILES.industries, IndustriesFile, raws[DATA_FILES.industries] ?? '');
  const lexicon = parseFile(DATA_FILES.lexicon, Lexicon, raws[DATA_FILES.lexicon] ?? '');

  fail(DATA_FILES.sources, duplicates(sources, (s) => s.id, (i) => `sources[${i}].id`));
  fail(DATA_FILES.categories, duplicates(categories, (c) => c.id, (i) => `categories[${i}].id`));
  fail(DATA_FILES.useCases, duplicates(useCases, (u) => u.id, (i) => `useCases[${i}].id`));
  fail(DATA_FILES.industries, duplicates(industries, (d) => d.id, (i) => `industries[${i}].id`));

  const sourceIds = new Set(sources.map((s) => s.id));
  const dates: string[] = [];
  const checkSources = (file: string, root: unknown, at: string): Problem[] => {
    const problems: Problem[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}[${i}]`));
      else if (node && typeof node === 'object') {
        const rec = node as Record<string, unknown>;
        if (typeof rec.source === 'string' && !sourceIds.has(rec.source))
          problems.push({ path: `${path}.source`, reason: `unknown source "${rec.source}"` });
        if (typeof rec.asOf === 'string') dates.push(rec.asOf);
        for (const [k, v] of Object.entries(rec)) if (typeof v === 'object') walk(v, `${path}.${k}`);
      }
    };
    walk(root, at);
    return problems;
  };
  fail(DATA_FILES.categories, checkSources(DATA_FILES.categories, categories, 'categories'));
  fail(DATA_FILES.useCases, checkSources(DATA_FILES.useCases, useCases, 'useCases'));
  fail(DATA_FILES.industries, checkSources(DATA_FILES.industries, industries, 'industries'));

  const byId = new Map(categories.map((c) => [c.id, c]));
  const toolProblems: Problem[] = [];
  useCases.forEach((u, i) => {
    const known = new Set([u.category, u.secondary].flatMap((c) => (c ? byId.get(c)?.tools.map((t) => t.name.toLowerCase()) ?? [] : [])));
    u.tools.forEach((t, j) => {
      if (!known.has(t.toLowerCase()))
        toolProblems.push({ path: `useCases[${i}].tools[${j}]`, reason: `unknown tool "${t}" for category "${u.category}"` });
    });
  });
  useCases.forEach((u, i) => {
    if (u.parts && u.category !== 'multimodal')
      toolProblems.push({ path: `useCases[${i}].parts`, reason: `only a combined (multimodal) use case has parts, not "${u.category}"` });
  });
  fail(DATA_FILES.useCases, toolProblems);
  const coverProblems: Problem[] = [];
  categories.forEach((c, i) =>
    c.tools.forEach((t, j) => {
      if (t.covers && c.id !== 'multimodal')
        coverProblems.push({ path: `categories[${i}].tools[${j}].covers`, reason: `only a combined (multimodal) tool covers parts, not a "${c.id}" tool` });
    }),
  );
  categories.forEach((c, i) =>
    c.changes.forEach((ch, j) => {
      if (ch.then === c.id) coverProblems.push({ path: `categories[${i}].changes[${j}].then`, reason: `a change must lead to another kind than "${c.id}"` });
    }),
  );
  fail(DATA_FILES.categories, coverProblems);
  const changeProblems: Problem[] = [];
  useCases.forEach((u, i) =>
    u.changes?.forEach((ch, j) => {
      if (ch.then === u.category) changeProblems.push({ path: `useCases[${i}].changes[${j}].then`, reason: `a change must lead to another kind than "${u.category}"` });
    }),
  );
  fail(DATA_FILES.useCases, changeProblems);

  const useCaseIds = new Set(useCases.map((u) => u.id));
  const fitProblems: Problem[] = [];
  industries.forEach((d, i) => {
    const items = [...d.facts.map((f, j) => [f, `industries[${i}].facts[${j}]`] as const), ...(d.caseStudy ? [[d.caseStudy, `industries[${i}].caseStudy`] as const] : [])];
    for (const [item, at] of items) {
      item.useCases?.forEach((u, k) => {
        if (!useCaseIds.has(u)) fitProblems.push({ path: `${at}.useCases[${k}]`, reason: `unknown use case "${u}"` });
      });
    }
  });
  fail(DATA_FILES.industries, fitProblems);

  const modelPath = join(dir, MODEL_FILE);
  const modelText = existsSync(modelPath) ? readFileSync(modelPath, 'utf8') : null;
  const model = modelText === null ? null : parseFile(MODEL_FILE, ModelFile, modelText);

  const data = createHash('sha256');
  for (const f of Object.values(DATA_FILES)) data.update(f).update('\0').update(raws[f] ?? '');
  const dataVersion = data.digest('hex').slice(0, 12);
  const version = createHash('sha256').update(dataVersion);
  if (modelText !== null) version.update(MODEL_FILE).update('\0').update(modelText);
  const catalog: Catalog = {
    version: version.digest('hex').slice(0, 12),
    dataVersion,
    asOf: dates.sort().at(-1) ?? '',
    sources,
    categories: byId,
    useCases,
    industries: new Map(industries.map((d) => [d.id, d])),
    lexicon,
    model,
  };
  return Object.freeze(catalog);
}

/** The repository's data folder, found from this module whether it runs from src/ or dist/. */
export function defaultDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data');
    if (existsSync(join(candidate, DATA_FILES.categories))) return candidate;
    dir = resolve(dir, '..');
  }
  return resolve('data');
}
