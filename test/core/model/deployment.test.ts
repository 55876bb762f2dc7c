// A deployment's retraining: the trainer that keeps its corpus read gives the same model as
// training from scratch, whatever it trained before, and an accepted correction brings its own
// words (a product name no corpus line has) into the model.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../src/core/catalog.js';
import { buildModel, TRAINING } from '../../../src/core/model/build.js';
import { loadCorpus, type ExampleT } from '../../../src/core/model/corpus.js';
import { CORRECTION_WEIGHT, DeploymentTrainer } from '../../../src/core/model/deployment.js';
import { serializeModel } from '../../../src/core/model/serialize.js';
import { Recommender } from '../../../src/core/recommend.js';
import { shippedCatalog } from '../../helpers/catalog.js';

// Every 20th line: enough to learn from, quick to train several times.
const corpus = loadCorpus(join(defaultDataDir(), 'examples'))
  .filter((_, i) => i % 20 === 0)
  .map((s) => s.example);
const line = (q: string, accept: ExampleT['accept']): ExampleT => ({ q, accept, industry: null, volume: null, named: [], data: [] });
const glimmer = line('need a glimmerpost for the zintaro launch', ['video']);
const other = line('the quarterly frobnicator deck for sales', ['llm']);

describe('deployment trainer', () => {
  it('gives the same bytes as training from scratch, also after runs on other sets and reusing what they read', async () => {
    const catalog = shippedCatalog();
    const phrases = new Recommender(catalog, null);
    const t = catalog.model!.heads;
    const scratch = buildModel(
      catalog.dataVersion,
      [...corpus, glimmer].map((example, i) => ({ view: phrases.read(example.q).view, example, ...(i === corpus.length ? { weight: CORRECTION_WEIGHT } : {}) })),
      { ...TRAINING, folds: 0 },
      { category: t.category.temperature, industry: t.industry.temperature, data: t.data.temperature },
    );
    const trainer = new DeploymentTrainer(catalog, corpus);
    await trainer.train([other]);
    await trainer.train([other, glimmer]);
    // The glimmer line is reused from the run before; the result is as if read afresh.
    expect(serializeModel(await trainer.train([glimmer]))).toBe(serializeModel(scratch));
  });

  it("keeps a correction's own words as features, which no single corpus-like line would bring in", async () => {
    const trainer = new DeploymentTrainer(shippedCatalog(), corpus);
    expect((await trainer.train([glimmer])).features).toEqual(expect.arrayContaining(['wglimmerpost', 'wzintaro']));
    expect((await trainer.train([other])).features).not.toContain('wglimmerpost');
  });
});
