import { describe, expect, it } from 'vitest';
import { readVolume } from '../../src/core/volume.js';

describe('stated volume', () => {
  it.each([
    ['~400 product shots a month', 400, 'month', 'image'],
    ['I need 300 product shots a month for the shop', 300, 'month', 'image'],
    ['5k tickets a day', 5000, 'day', 'query'],
    ['about a dozen clips a month', 12, 'month', 'video'],
    ['20 per week', 20, 'week', null],
    ['20 explainer videos per week', 20, 'week', 'video'],
    ['roughly 1,200 cold emails a month', 1200, 'month', 'query'],
    ['50 stylized 3D character props a month', 50, 'month', 'model'],
    ['two podcasts weekly', 2, 'week', 'audio'],
    ['around 2.5k images every day', 2500, 'day', 'image'],
    // Words and shorthand (issue 18, point 8).
    ['four hundred product shots a month', 400, 'month', 'image'],
    ['twenty-five clips a week', 25, 'week', 'video'],
    ['a dozen voiceovers a month', 12, 'month', 'audio'],
    ['2k support tickets a day', 2000, 'day', 'query'],
    ['1.5k images a month', 1500, 'month', 'image'],
    ['we post captions 5x a day', 5, 'day', null],
    ['a dozen 3D props a month', 12, 'month', 'model'],
    // Approximate and European forms, a count after its period, other languages.
    ['300ish lifestyle shots a month', 300, 'month', 'image'],
    ['~1,5k emails a week about refunds', 1500, 'week', 'query'],
    ['Weekly: 10 social posts with caption + image', 10, 'week', 'query'],
    ['every friday 3 short reels for the shop', 3, 'week', 'video'],
    ['monthly mood boards for the design team, ~12 images each', 12, 'month', 'image'],
    ['imágenes para las redes, unos 25 al mes', 25, 'month', null],
    ['respuestas a reseñas, como 50 por semana', 50, 'week', null],
    ['uns 25 cartazes por mês', 25, 'month', null],
    ['environ 50 courriels par jour', 50, 'day', null],
    ['circa 40 foto alla settimana', 40, 'week', null],
    ['etwa 30 Bilder pro Woche', 30, 'week', null],
  ])('%s', (text, count, period, noun) => {
    expect(readVolume(text)).toEqual({ count, period, noun });
  });

  it.each([
    'summarize a 60-page vendor contract',
    'a 15-second video ad',
    'refactor a 4,000-line class',
    'book the room thursday 2-3pm',
    'a few hundred scanned forms',
    '300 messages in the thread',
    'a 2 min onboarding video every month',
    'every monday I write commentary for our 12 retail customers',
    'the weekly report, 3 pages at most',
    'a weekly newsletter with one header image',
    'a 1,5 hour workshop every month',
  ])('reads no volume from "%s"', (text) => {
    expect(readVolume(text)).toBeNull();
  });
});
