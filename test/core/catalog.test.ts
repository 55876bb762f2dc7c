import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/core/catalog.js';
import { CATEGORY_IDS, INDUSTRY_IDS } from '../../src/core/schema.js';
import { Recommender } from '../../src/core/recommend.js';
import { copyOfData, shippedCatalog } from '../helpers/catalog.js';

const allText = (): string => JSON.stringify([...shippedCatalog().categories.values(), ...shippedCatalog().industries.values()]);

describe('the shipped catalog', () => {
  it('has every category and industry of the contract, and at least 60 use cases', () => {
    const c = shippedCatalog();
    expect([...c.categories.keys()].sort()).toEqual([...CATEGORY_IDS].sort());
    expect([...c.industries.keys()].sort()).toEqual([...INDUSTRY_IDS].sort());
    expect(c.useCases.length).toBeGreaterThanOrEqual(60);
    for (const id of CATEGORY_IDS) expect(c.useCases.some((u) => u.category === id)).toBe(true);
  });

  it('names the tools of the source', () => {
    const names = [...shippedCatalog().categories.values()].flatMap((c) => c.tools.map((t) => t.name));
    for (const tool of ['Claude Sonnet 4.5', 'GPT-4o', 'Gemini 2.0', 'GitHub Copilot', 'Cursor', 'Midjourney v6', 'DALL-E 3',
      'Stable Diffusion 3', 'Adobe Firefly', 'Runway Gen-3', 'Pika Labs', 'ElevenLabs', 'Suno AI', 'ChatGPT + DALL-E 3']) {
      expect(names).toContain(tool);
    }
    expect(allText()).toMatch(/radiance field/i);
  });

  it('carries the source figures', () => {
    const text = allText();
    for (const figure of ['3–10%', '6–18 months', '60–75%', '20–30%', '65%', '60–80%', '3–5×', '25–40%', '70%', '80% of Fortune 500', 'weeks to days', '$0.01–$0.50', '$0.50–$5', '$0.001–$0.05', '1–3 seconds', '5–30 seconds', '2–10 minutes']) {
      expect(text, figure).toContain(figure);
    }
  });

  it("prices per unit as the seed does, and audio and 3D from the editors' survey, each with its source", () => {
    const catalog = shippedCatalog();
    const range = (id: 'image' | 'video' | 'llm' | 'audio' | '3d') => catalog.categories.get(id)!.costs.map((c) => [c.unit, c.low, c.high, c.source]);
    expect(range('image')).toEqual([['image', 0.01, 0.5, 'seed-llm-vs-genai']]);
    expect(range('video')).toEqual([['video', 0.5, 5, 'seed-llm-vs-genai']]);
    expect(range('llm')).toEqual([['query', 0.001, 0.05, 'seed-llm-vs-genai']]);
    expect(range('audio')).toEqual([['audio', 0.02, 0.6, 'editors-price-survey']]);
    expect(range('3d')).toEqual([['model', 0.1, 1, 'editors-price-survey']]);
    // An estimate, said so where the figure is not a vendor's own: in the source and on the card.
    const survey = catalog.sources.find((s) => s.id === 'editors-price-survey')!;
    expect(survey.kind).toMatch(/estimate/);
    expect(survey.note).toMatch(/not from a fresh reading of each live price page/);
    expect(catalog.categories.get('audio')!.costNote.text).toMatch(/editors' estimate/);
    expect(catalog.categories.get('3d')!.costNote.text).toMatch(/editors' estimate/);
    for (const c of catalog.categories.values()) for (const t of c.tools) if (t.plans) expect(t.plans.source, t.name).toBe('editors-price-survey');
  });

  it('puts a tool first where a use case says so: a jingle is Suno, a voiceover ElevenLabs', () => {
    const r = new Recommender(shippedCatalog());
    expect(r.ask('make a jingle for our radio spot').recommendations[0]!.tools[0]!.name).toBe('Suno AI');
    expect(r.ask('record a voiceover for the demo').recommendations[0]!.tools[0]!.name).toBe('ElevenLabs');
  });

  it('versions itself by content and knows its newest fact date', () => {
    const dir = copyOfData();
    const before = loadCatalog(dir);
    expect(before.version).toMatch(/^[0-9a-f]{12}$/);
    expect(before.version).toBe(shippedCatalog().version);
    expect(before.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const file = join(dir, 'use-cases.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.useCases[0].asOf = '2099-01-01';
    writeFileSync(file, JSON.stringify(data));
    const after = loadCatalog(dir);
    expect(after.version).not.toBe(before.version);
    expect(after.asOf).toBe('2099-01-01');
  });

  it('takes a new tool and a new use case from data alone', () => {
    const dir = copyOfData();
    const cats = JSON.parse(readFileSync(join(dir, 'categories.json'), 'utf8'));
    const image = cats.categories.find((c: { id: string }) => c.id === 'image');
    image.tools.push({ name: 'Ideogram 2', vendor: 'Ideogram', bestFor: 'text inside images', source: 'which-tool-editors', asOf: '2026-11-30' });
    writeFileSync(join(dir, 'categories.json'), JSON.stringify(cats));
    const ucs = JSON.parse(readFileSync(join(dir, 'use-cases.json'), 'utf8'));
    ucs.useCases.push({ id: 'signage', title: 'Shop signage with lettering', category: 'image', phrases: ['shop signage', 'lettering'], tools: ['Ideogram 2'], source: 'which-tool-editors', asOf: '2026-11-30' });
    writeFileSync(join(dir, 'use-cases.json'), JSON.stringify(ucs));
    const answer = new Recommender(loadCatalog(dir)).ask('we need new shop signage, hand lettering style');
    expect(answer.recommendations[0]!.category).toBe('image');
    expect(answer.recommendations[0]!.tools[0]!.name).toBe('Ideogram 2');
    expect(answer.recommendations[0]!.useCase?.id).toBe('signage');
  });
});
