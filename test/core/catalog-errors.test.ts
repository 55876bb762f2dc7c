import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/core/catalog.js';
import { CatalogError } from '../../src/core/errors.js';
import { copyOfData } from '../helpers/catalog.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function breakFile(file: string, change: (data: Json) => void): string {
  const dir = copyOfData();
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json;
  change(data);
  writeFileSync(join(dir, file), JSON.stringify(data));
  return dir;
}

function loadError(dir: string): CatalogError {
  try {
    loadCatalog(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(CatalogError);
    return err as CatalogError;
  }
  throw new Error('the catalog loaded, but it should not have');
}

describe('a broken data file stops loading with the file, the path and the reason', () => {
  it('wrong type', () => {
    const e = loadError(breakFile('categories.json', (d) => (d.categories[2].costs[0].low = 'cheap')));
    expect(e.message).toMatch(/^categories\.json: categories\[2\]\.costs\[0\]\.low: .*number/);
  });

  it('missing field', () => {
    const e = loadError(breakFile('use-cases.json', (d) => delete d.useCases[5].phrases));
    expect(e.file).toBe('use-cases.json');
    expect(e.problems[0]!.path).toBe('useCases[5].phrases');
    expect(e.message).toMatch(/useCases\[5\]\.phrases: .*(expected array|required)/i);
  });

  it('unknown category reference', () => {
    const e = loadError(breakFile('use-cases.json', (d) => (d.useCases[0].category = 'painting')));
    expect(e.message).toMatch(/use-cases\.json: useCases\[0\]\.category: .*"llm"/);
  });

  it('unknown industry reference', () => {
    const e = loadError(breakFile('industries.json', (d) => (d.industries[3].id = 'space-travel')));
    expect(e.message).toMatch(/industries\.json: industries\[3\]\.id: /);
  });

  it('unknown tool reference in a use case', () => {
    const e = loadError(breakFile('use-cases.json', (d) => (d.useCases[1].tools = ['Photoshop 1990'])));
    expect(e.message).toBe('use-cases.json: useCases[1].tools[0]: unknown tool "Photoshop 1990" for category "llm"');
  });

  it('unknown source reference', () => {
    const e = loadError(breakFile('categories.json', (d) => (d.categories[0].turnaround.source = 'rumour')));
    expect(e.message).toContain('categories[0].turnaround.source: unknown source "rumour"');
  });

  it('duplicate id', () => {
    const e = loadError(breakFile('use-cases.json', (d) => (d.useCases[7].id = d.useCases[2].id)));
    expect(e.message).toMatch(/useCases\[7\]\.id: duplicate id ".+" \(first at useCases\[2\]\.id\)/);
  });

  it('not JSON, and a missing file', () => {
    const dir = copyOfData();
    writeFileSync(join(dir, 'lexicon.json'), '{ "replacements": ');
    expect(loadError(dir).message).toMatch(/^lexicon\.json: \(top level\): not valid JSON/);
    rmSync(join(dir, 'industries.json'));
    expect(loadError(dir).message).toBe('industries.json: (top level): cannot read the file (ENOENT)');
  });
});

describe('industry facts say which work they fit', () => {
  it('refuses a fact that names no kind and no use case', () => {
    const e = loadError(breakFile('industries.json', (d) => delete d.industries[0].facts[0].categories));
    expect(e.message).toMatch(/^industries\.json: industries\[0\]\.facts\[0\]\.categories: say which answers it fits/);
  });

  it('refuses a use case the catalog does not have', () => {
    const e = loadError(breakFile('industries.json', (d) => (d.industries[0].caseStudy.useCases = ['radiology-reports'])));
    expect(e.message).toBe('industries.json: industries[0].caseStudy.useCases[0]: unknown use case "radiology-reports"');
  });
});

describe('what would change the verdict', () => {
  it('refuses a change that leads back to the same kind', () => {
    const e = loadError(breakFile('categories.json', (d) => (d.categories[2].changes[0].then = 'image')));
    expect(e.message).toBe('categories.json: categories[2].changes[0].then: a change must lead to another kind than "image"');
    const u = loadError(breakFile('use-cases.json', (d) => (d.useCases.find((x: Json) => x.id === 'voiceover').changes[0].then = 'audio')));
    expect(u.message).toMatch(/^use-cases\.json: useCases\[\d+\]\.changes\[0\]\.then: a change must lead to another kind than "audio"$/);
  });
});
