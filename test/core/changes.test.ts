// Issue 18, point 5: every answer says in one line what would make another kind the better
// choice, from the catalog (the use case's own first, then its kind's), the answer's other
// likely kinds first.
import { describe, expect, it } from 'vitest';
import { answerToText } from '../../src/render/text.js';
import { runCli } from '../helpers/cli.js';
import { recommender, shippedCatalog } from '../helpers/catalog.js';
import { ownRequests } from '../helpers/own-sets.js';

const r = recommender();
const catalog = shippedCatalog();
// The project's own labelled sets: a clone alone in its folder has no ../shared.
const requests = ownRequests();

describe('what would change the verdict', () => {
  it('an image answer says motion would make it video', () => {
    const a = r.ask('a banner image for the summer sale');
    expect(a.recommendations[0]!.category).toBe('image');
    expect(a.recommendations[0]!.changes).toContainEqual({ when: 'it needs motion', category: 'video', label: 'Video generator' });
    expect(answerToText(a)).toMatch(/^What would change the verdict: .*it needs motion → video generator/m);
  });

  it("a use case's own change comes before its kind's", () => {
    const a = r.ask('400 product shots a month for our dental practice');
    expect(a.recommendations[0]!.changes[0]).toEqual({ when: 'shoppers need to spin the product in 3D', category: '3d', label: '3D generator' });
  });

  it('a combined answer says what a single kind would need', () => {
    const changes = r.ask('write a blog post and generate a header image').recommendations[0]!.changes;
    expect(changes.map((c) => c.category).sort()).toEqual(['image', 'llm']);
  });

  it('over the labelled requests: one or two, each to another kind, the answer\'s other kinds first', () => {
    let checked = 0;
    for (const q of requests) {
      const a = r.ask(q);
      const ranked = a.recommendations.map((x) => x.category);
      for (const rec of a.recommendations) {
        checked++;
        expect(rec.changes.length, q).toBeGreaterThanOrEqual(1);
        expect(rec.changes.length, q).toBeLessThanOrEqual(2);
        for (const c of rec.changes) {
          expect(c.category, q).not.toBe(rec.category);
          expect(c.label).toBe(catalog.categories.get(c.category)!.name);
        }
        const firstOther = ranked.find((k) => k !== rec.category && rec.changes.some((c) => c.category === k));
        if (firstOther) expect(ranked).toContain(rec.changes[0]!.category);
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('through the command line, on the card', () => {
    const out = runCli(['ask', 'make a jingle for our bakery']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^What would change the verdict: .+ → .+$/m);
  });
});
