// `npm run train`: trains the model from the corpus in data/examples and writes data/model.json.
// The same corpus gives the same file, byte for byte (test/core/model/training.test.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir, loadCatalog, MODEL_FILE } from '../src/core/catalog.js';
import { WhichToolError } from '../src/core/errors.js';
import { buildModelInParallel } from '../src/core/model/build.js';
import { loadCorpus } from '../src/core/model/corpus.js';
import { serializeModel } from '../src/core/model/serialize.js';
import { Recommender } from '../src/core/recommend.js';

try {
  const dir = process.env.WHICH_TOOL_DATA || defaultDataDir();
  const started = performance.now();
  const catalog = loadCatalog(dir);
  const recommender = new Recommender(catalog, null);
  const corpus = loadCorpus(join(dir, 'examples'));
  const model = await buildModelInParallel(catalog.dataVersion, corpus.map((s) => ({ view: recommender.read(s.example.q).view, example: s.example })));
  const text = serializeModel(model);
  writeFileSync(join(dir, MODEL_FILE), text);
  const t = model.heads;
  process.stdout.write(
    `trained on ${model.examples} examples in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      `${model.features.length} features, ${(text.length / 1e6).toFixed(2)} MB, ` +
      `temperatures category ${t.category.temperature}, industry ${t.industry.temperature}, data ${t.data.temperature} → ${join(dir, MODEL_FILE)}\n`,
  );
} catch (err) {
  process.stderr.write(`which-tool train: ${err instanceof WhichToolError ? err.message : String(err)}\n`);
  process.exit(1);
}
