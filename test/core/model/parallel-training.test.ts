// Training with the category head in a worker thread gives the very bytes of training the heads
// one after another, calibration folds included. The worker is a compiled file, so this runs the
// build (npm test builds first), as the trainer process and `npm run train` do.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../src/core/catalog.js';
import { loadCorpus } from '../../../src/core/model/corpus.js';
import { Recommender } from '../../../src/core/recommend.js';
import { shippedCatalog } from '../../helpers/catalog.js';

type Build = typeof import('../../../src/core/model/build.js');
type Serialize = typeof import('../../../src/core/model/serialize.js');
const built = <T>(path: string): Promise<T> => import(pathToFileURL(resolve('dist/src/core/model', path)).href) as Promise<T>;

describe('training the heads in parallel', () => {
  it('uses a worker thread and gives the same file as training them in turn, with and without folds', async () => {
    const { buildModel, buildModelInParallel, TRAINING } = await built<Build>('build.js');
    const { serializeModel } = await built<Serialize>('serialize.js');
    const catalog = shippedCatalog();
    const phrases = new Recommender(catalog, null);
    const data = loadCorpus(join(defaultDataDir(), 'examples'))
      .filter((_, i) => i % 25 === 0)
      .map((s) => ({ view: phrases.read(s.example.q).view, example: s.example }));
    for (const options of [{ ...TRAINING, folds: 0, epochs: { category: 4, industry: 4, data: 4 } }, { ...TRAINING, folds: 3, epochs: { category: 3, industry: 2, data: 3 } }]) {
      const trace = { thread: false };
      const parallel = await buildModelInParallel(catalog.dataVersion, data, options, undefined, undefined, trace);
      expect(trace.thread).toBe(true);
      expect(serializeModel(parallel)).toBe(serializeModel(buildModel(catalog.dataVersion, data, options)));
    }
  }, 20_000);
});
