import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Answer } from '../../src/core/answer.js';
import { loadCatalog } from '../../src/core/catalog.js';
import { Recommender } from '../../src/core/recommend.js';
import { copyOfData, recommender } from '../helpers/catalog.js';

const r = recommender();
const top = (q: string) => r.ask(q).recommendations[0]?.category ?? 'none';

describe('the recommender', () => {
  it('answers in the contract shape, with the catalog version', () => {
    const a = r.ask('I need 300 product shots a month for the shop');
    expect(Answer.parse(a)).toEqual(a);
    expect(a.industry).toBe('retail');
    expect(a.volume).toEqual({ count: 300, unit: 'image', period: 'month' });
    expect(a.recommendations[0]).toMatchObject({ category: 'image', estimate: { low: 3, high: 150, currency: 'USD', per: 'month' } });
    expect(a.catalog.version).toMatch(/^[0-9a-f]{12}$/);
    expect(a.explanation.summary).toMatch(/product shot/i);
    expect(a.explanation.industry).toMatchObject({ id: 'retail', matched: 'the shop' });
  });

  it('estimates audio per clip and 3D per model, from sourced ranges', () => {
    const audio = r.ask('about 60 audiobook chapters a month narrated by AI');
    expect(audio.recommendations[0]!.category).toBe('audio');
    expect(audio.volume).toEqual({ count: 60, unit: 'audio', period: 'month' });
    expect(audio.recommendations[0]!.estimate).toEqual({ low: 1.2, high: 36, currency: 'USD', per: 'month', unitLow: 0.02, unitHigh: 0.6, unit: 'audio' });
    const props = r.ask('We need about 50 stylized 3D character props a month for our mobile game');
    expect(props.recommendations[0]!.estimate).toMatchObject({ low: 5, high: 50, per: 'month', unit: 'model' });
  });

  it('gives no estimate where the catalog has no range, and none without a volume', () => {
    const dir = copyOfData();
    const file = join(dir, 'categories.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { categories: { id: string; costs: unknown[] }[] };
    data.categories.find((c) => c.id === 'audio')!.costs = [];
    writeFileSync(file, JSON.stringify(data));
    const a = new Recommender(loadCatalog(dir)).ask('about 60 audiobook chapters a month narrated by AI');
    expect(a.volume).toEqual({ count: 60, unit: 'audio', period: 'month' });
    expect(a.recommendations[0]!.estimate).toBeUndefined();
    expect('estimate' in a.recommendations[0]!).toBe(false);
    expect('estimate' in r.ask('make a jingle').recommendations[0]!).toBe(false);
  });

  it('says which tools are sold by subscription, with the plan range', () => {
    const a = r.ask('make a jingle for our bakery');
    expect(a.recommendations[0]!.plans).toEqual(expect.arrayContaining([{ tool: 'Suno AI', low: 10, high: 30, currency: 'USD', per: 'month' }]));
    for (const p of a.recommendations[0]!.plans) expect(a.recommendations[0]!.tools.map((t) => t.name)).toContain(p.tool);
    expect(r.ask('summarize this contract').recommendations[0]!.plans).toEqual([]);
  });

  it('handles requests that span language and media, with a recipe', () => {
    const a = r.ask('write the copy and make the images');
    expect(a.recommendations[0]!.category).toBe('multimodal');
    const steps = a.recommendations[0]!.recipe!.map((s) => s.category);
    expect(steps).toEqual(['llm', 'image']);
    expect(top('script AND produce a video')).toBe('multimodal');
  });

  it('does not combine a medium with the thing it is for', () => {
    expect(top('voiceover for our onboarding video, the script is ready')).toBe('audio');
    expect(top('animated logo reveal, 5 seconds')).toBe('video');
  });

  it('honours negations', () => {
    expect(top('no pictures, I just need the words for the landing page')).toBe('llm');
    expect(top('not a chatbot, I need a video')).toBe('video');
    expect(top('explainer video about onboarding, no voiceover')).toBe('video');
  });

  it('reads chat language: typos, slang and emoji shortcodes', () => {
    expect(top('need a vioceover asap pls')).toBe('audio');
    expect(top(':art: for the team offsite invite')).toBe('image');
    expect(top('tl;dr this thread')).toBe('llm');
    expect(top('somethign to debgu my python script')).toBe('code');
  });

  it('finds industries named in everyday words', () => {
    expect(r.ask('a chatbot for our clinic').industry).toBe('healthcare');
    expect(r.ask('the bank needs its reports summarized').industry).toBe('finance');
    expect(r.ask('worksheets for my 5th grade class').industry).toBe('education');
    expect(r.ask('our law firm reviews NDAs').industry).toBe('legal');
    expect(r.ask('I walked around filming with my phone, make it a 3D scene').industry).toBeNull();
  });

  it('says nothing fits for small talk, logistics and keyboard mash', () => {
    for (const q of ['hi', 'thanks so much!', 'can someone order pizza', 'the printer is jammed', 'asdf qwer zxcv', '']) {
      expect(r.ask(q).recommendations, q).toEqual([]);
    }
  });

  it('offers clarifying choices when two kinds tie, and takes the pick', () => {
    const a = r.ask('images or video for the launch?');
    const b = r.ask('a logo or maybe a short animation');
    const unsure = [a, b].find((x) => x.clarify.length);
    expect(unsure, 'one vague request should ask back').toBeDefined();
    const pick = unsure!.clarify[1] ?? unsure!.clarify[0]!;
    const picked = r.ask(unsure!.query, { prefer: pick.category });
    expect(picked.recommendations[0]!.category).toBe(pick.category);
    expect(picked.clarify).toEqual([]);
  });

  it('lists alternatives with their own tools', () => {
    const a = r.ask('write a blog post and generate a header image');
    expect(a.recommendations.length).toBeGreaterThan(1);
    for (const rec of a.recommendations) expect(rec.tools.length).toBeGreaterThan(0);
    expect(new Set(a.recommendations.map((x) => x.category)).size).toBe(a.recommendations.length);
  });

  it('answers the same request the same way every time', () => {
    const q = 'We need about 20 short social clips a week for our channels';
    expect(JSON.stringify(r.ask(q))).toBe(JSON.stringify(recommender().ask(q)));
  });
});
