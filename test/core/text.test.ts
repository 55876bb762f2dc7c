import { describe, expect, it } from 'vitest';
import { makeExpander, stem, stripMarkup, tokenize } from '../../src/core/text.js';
import { editDistance, SpellingCorrector } from '../../src/core/spelling.js';
import { SCORING } from '../../src/core/options.js';
import { weighTokens } from '../../src/core/scope.js';

const WEIGHT = SCORING.scope;

describe('text', () => {
  it('strips Slack and Teams markup but keeps link labels', () => {
    const s = stripMarkup('hey <!channel> <@U123ABC> see <https://x.io/a|the brief> and <at>Which Tool</at> <b>now</b> https://evil.example/x');
    expect(s).not.toMatch(/channel|U123ABC|Which Tool|<|https/);
    expect(s).toContain('the brief');
    expect(s).toContain('now');
  });

  it('stems word forms together', () => {
    expect(stem('images')).toBe(stem('image'));
    expect(stem('writing')).toBe(stem('write'));
    expect(stem('summaries')).toBe(stem('summary'));
    expect(stem('videos')).toBe('video');
    expect(stem('class')).toBe('class');
  });

  it('splits clauses at punctuation and spaced dashes, not at hyphens', () => {
    const t = tokenize('low-poly trees, rocks - and a text-to-speech voice');
    expect(t.map((x) => x.word)).toEqual(['low', 'poly', 'trees', 'rocks', 'and', 'a', 'text', 'to', 'speech', 'voice']);
    expect(new Set(t.map((x) => x.clause)).size).toBe(3);
  });

  it('expands shorthand and emoji shortcodes on word boundaries only', () => {
    const expand = makeExpander({ pls: 'please', ':art:': ' artwork image ', 'tl;dr': 'summarize' });
    expect(expand('tl;dr this pls :art:').replace(/\s+/g, ' ').trim()).toBe('summarize this please artwork image');
    expect(expand('plsx')).toBe('plsx');
  });
});

describe('spelling', () => {
  it('counts a swapped pair of letters as one edit', () => {
    expect(editDistance('scirpt', 'script')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('corrects catalog words and leaves common or short words alone', () => {
    const c = new SpellingCorrector(new Set(['script', 'voiceover', 'copy', 'something']), new Set(['people']));
    expect(c.correct('scirpt')).toBe('script');
    expect(c.correct('voicover')).toBe('voiceover');
    expect(c.correct('cozy')).toBeNull();
    expect(c.correct('people')).toBeNull();
    expect(c.correct('zzzzzzz')).toBeNull();
  });
});

describe('scope', () => {
  const words = { negations: new Set(['no', 'not', 'without']), inHand: new Set(['ready', 'done']), common: new Set(['what', 'should', 'i', 'use']) };
  const weigh = (text: string) => {
    const t = tokenize(text);
    const w = weighTokens(t, words);
    return Object.fromEntries(t.map((x, i) => [x.word, w[i]]));
  };

  it('excludes what a request rules out', () => {
    expect(weigh('explainer video, no voiceover').voiceover).toBe(WEIGHT.excluded);
    expect(weigh('not a chatbot, I need a video').chatbot).toBe(WEIGHT.excluded);
    expect(weigh('not a chatbot, I need a video').video).toBe(WEIGHT.output);
  });

  it('excludes what a request already has', () => {
    const w = weigh('voiceover please, the script is ready');
    expect(w.script).toBe(WEIGHT.excluded);
    expect(w.voiceover).toBe(WEIGHT.output);
  });

  it('weighs a purpose after "for" as context, once an output was named', () => {
    expect(weigh('a voiceover for our onboarding video').video).toBe(WEIGHT.context);
    expect(weigh('what should I use for video').video).toBe(WEIGHT.output);
  });

  it('weighs the input of "turn X into Y" as context', () => {
    const w = weigh('turn these help articles into audio');
    expect(w.articles).toBe(WEIGHT.context);
    expect(w.audio).toBe(WEIGHT.output);
  });
});
