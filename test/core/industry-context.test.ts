// Issue 18, point 1: an industry's fact and case study are shown only when they fit the work
// asked for (its use case, its kind, or a part of a combined answer), and none rather than an
// unrelated one.
import { describe, expect, it } from 'vitest';
import type { AnswerT } from '../../src/core/answer.js';
import type { CategoryIdT } from '../../src/core/schema.js';
import { answerToText } from '../../src/render/text.js';
import { runCli } from '../helpers/cli.js';
import { recommender, shippedCatalog } from '../helpers/catalog.js';
import { ownRequests } from '../helpers/own-sets.js';

const r = recommender();
const catalog = shippedCatalog();

/** Whether a catalog item fits the answer's top recommendation, by the rule the data states. */
function fits(item: { categories?: readonly CategoryIdT[]; useCases?: readonly string[] }, a: AnswerT): boolean {
  const top = a.recommendations[0]!;
  const kinds = [top.category, ...(top.recipe?.map((s) => s.category) ?? [])];
  return Boolean((top.useCase && item.useCases?.includes(top.useCase.id)) || item.categories?.some((c) => kinds.includes(c)));
}

// The project's own labelled sets: a clone alone in its folder has no ../shared.
const requests = ownRequests();

describe('industry examples that fit the work', () => {
  it('shows no radiology case study next to product shots for a dental practice', () => {
    const a = r.ask('400 product shots a month for our dental practice');
    expect(a.industry).toBe('healthcare');
    expect(a.recommendations[0]).toMatchObject({ category: 'image', useCase: { id: 'product-photography' } });
    expect(a.industryContext).toBeNull();
    expect(answerToText(a)).not.toMatch(/radiolog|Case study|Healthcare:/i);
  });

  it('shows the imaging case study where imaging is the work', () => {
    const a = r.ask("read the scan alongside the patient's records at our hospital");
    expect(a.industryContext).toMatchObject({ id: 'healthcare', caseStudy: { title: 'Imaging support' } });
    expect(a.industryContext!.fact).toMatch(/radiologists/);
  });

  it('prefers the fact about the use case over a general one of the kind', () => {
    expect(r.ask('a support chatbot for the bank').industryContext).toMatchObject({ fact: expect.stringMatching(/more inquiries/), caseStudy: { title: 'Support at scale' } });
    expect(r.ask('the bank needs its reports summarized').industryContext).toMatchObject({ fact: expect.stringMatching(/reporting and risk/), caseStudy: null });
  });

  it('never shows a fact or case study that does not fit, over every labelled request', () => {
    let shown = 0;
    for (const q of requests) {
      const a = r.ask(q);
      const ctx = a.industryContext;
      if (!ctx) continue;
      shown++;
      const industry = catalog.industries.get(ctx.id)!;
      if (ctx.fact) expect(fits(industry.facts.find((f) => f.text === ctx.fact)!, a), `${q}: ${ctx.fact}`).toBe(true);
      if (ctx.caseStudy) expect(fits(industry.caseStudy!, a), `${q}: ${ctx.caseStudy.title}`).toBe(true);
      expect(ctx.fact ?? ctx.caseStudy).not.toBeNull();
    }
    expect(shown).toBeGreaterThan(20);
  });

  it('through the command line: the dental request has no case study', () => {
    const out = runCli(['ask', '400 product shots a month for our dental practice']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/USE AN IMAGE GENERATOR/);
    expect(out.stdout).not.toMatch(/radiolog|Case study/i);
  });
});
