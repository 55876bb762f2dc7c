// Issue 18, point 3: a combined answer's recipe agrees with the request (what it asks for has a
// step, what it rules out or already has does not) and with the rest of its card (the tools line
// is the recipe's tools, the cost line and the estimate are its parts' prices).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnswerT } from '../../src/core/answer.js';
import { answerToText } from '../../src/render/text.js';
import { runCli } from '../helpers/cli.js';
import { recommender, shippedCatalog } from '../helpers/catalog.js';
import { ownRequests } from '../helpers/own-sets.js';

const r = recommender();
const catalog = shippedCatalog();
const steps = (a: AnswerT) => a.recommendations[0]!.recipe!.map((s) => s.category);

// The project's own labelled sets: a clone alone in its folder has no ../shared.
const requests = [...ownRequests(), ...readFileSync('test/fixtures/failure-classes.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { q: string }).q)];

describe('recipes that agree with the request', () => {
  it('leave out the words when the script or copy is already done', () => {
    for (const q of ['the copy is approved; make the images and a short video for the launch', 'the script is written; now generate the images and the video']) {
      const a = r.ask(q);
      expect(a.recommendations[0]!.category, q).toBe('multimodal');
      expect(steps(a), q).toEqual(['image', 'video']);
      expect(a.recommendations[0]!.tools.map((t) => t.name), q).not.toContain('Claude Sonnet 4.5');
    }
  });

  it('keep the video of an explainer, the visuals of a music video and the voice of a narrated version', () => {
    expect(steps(r.ask('I want to go from a rough idea to a finished explainer - write the script, generate the visuals and add a voiceover'))).toEqual(['llm', 'image', 'video', 'audio']);
    expect(steps(r.ask('make a music video: generate an original track plus visuals that match the beat'))).toEqual(expect.arrayContaining(['audio', 'video']));
    expect(steps(r.ask('For our internal training wiki, turn each page into a summary, a narrated audio version and a couple of diagrams'))).toEqual(['llm', 'image', 'audio']);
  });

  it('never adds a part from a passing hint', () => {
    // "spits out both sales copy and rendered product shots": nothing to hear.
    expect(steps(r.ask('Build something that reads our product spec sheets and spits out both sales copy and rendered product shots'))).toEqual(['llm', 'image']);
  });

  it('count a volume in a medium the recipe makes, and price it at that medium', () => {
    const a = r.ask('write the copy and make the images for 20 reels a week');
    expect(steps(a)).toEqual(['llm', 'image']);
    expect(a.volume).toEqual({ count: 20, unit: 'image', period: 'week' });
    expect(a.recommendations[0]!.estimate).toMatchObject({ unit: 'image', low: 0.2, high: 10, per: 'week' });
  });

  it('over every labelled request: tools, cost, time, volume and steps agree', () => {
    let combined = 0;
    for (const q of requests) {
      const a = r.ask(q);
      for (const rec of a.recommendations.filter((x) => x.category === 'multimodal')) {
        combined++;
        const kinds = rec.recipe!.map((s) => s.category);
        expect(new Set(kinds).size, q).toBe(kinds.length);
        expect(kinds.length, q).toBeGreaterThanOrEqual(1);
        // The tools line: the steps' tools in order, then at most one tool that does every step.
        const names = rec.tools.map((t) => t.name);
        const own = [...new Set(rec.recipe!.map((s) => s.tool))];
        expect(names.slice(0, own.length), q).toEqual(own);
        for (const extra of names.slice(own.length)) {
          const suite = catalog.categories.get('multimodal')!.tools.find((t) => t.name === extra);
          expect(suite?.covers, `${q}: ${extra}`).toEqual(expect.arrayContaining(kinds));
        }
        // The cost and time lines name exactly the recipe's kinds.
        for (const c of catalog.categories.values()) {
          if (c.id === 'multimodal') continue;
          const named = rec.facts.cost.includes(`${c.name} `);
          expect(named, `${q}: cost line and ${c.id}`).toBe(kinds.includes(c.id));
          expect(rec.facts.turnaround.includes(`${c.name}:`), `${q}: time line and ${c.id}`).toBe(kinds.includes(c.id));
        }
        const units = kinds.map((k) => catalog.categories.get(k)!.unit);
        if (rec.estimate) expect(units, q).toContain(rec.estimate.unit);
        if (rec === a.recommendations[0] && a.volume) expect(units, q).toContain(a.volume.unit);
      }
    }
    expect(combined).toBeGreaterThan(30);
  });

  it('through the command line: no writing step when the copy is approved', () => {
    const out = runCli(['ask', 'the copy is approved; make the images and a short video for the launch']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/How to split the work:\n {2}1\. Make the still images: .+\n {2}2\. Make the video: /);
    expect(out.stdout).not.toMatch(/write the words/i);
    expect(out.stdout).toBe(`${answerToText(r.ask('the copy is approved; make the images and a short video for the launch'))}\n`);
  });
});
