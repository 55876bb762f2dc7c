// Training is deterministic and checked: the same corpus gives the same bytes, a different seed
// gives different ones, the shipped model was trained from the shipped corpus with the shipped
// code, and a broken corpus line is reported by file, line and reason.
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../src/core/catalog.js';
import { CorpusError } from '../../../src/core/errors.js';
import { buildModel, TRAINING, trainingDigest } from '../../../src/core/model/build.js';
import { loadCorpus, parseCorpusText } from '../../../src/core/model/corpus.js';
import { codeDigest } from '../../../src/core/model/code-digest.js';
import { serializeModel } from '../../../src/core/model/serialize.js';
import { Recommender } from '../../../src/core/recommend.js';
import { copyOfData, shippedCatalog } from '../../helpers/catalog.js';

const corpus = loadCorpus(join(defaultDataDir(), 'examples'));
const phrasesOnly = new Recommender(shippedCatalog(), null);
// Every 12th line: enough to learn something, small enough to train in a blink, twice.
const sample = corpus.filter((_, i) => i % 12 === 0).map((s) => ({ view: phrasesOnly.read(s.example.q).view, example: s.example }));
const quick = { ...TRAINING, folds: 2, epochs: { category: 4, industry: 4, data: 4 } };

describe('training', () => {
  it('gives the same model, byte for byte, from the same corpus; another seed gives another', () => {
    const v = shippedCatalog().dataVersion;
    const a = serializeModel(buildModel(v, sample, quick));
    const b = serializeModel(buildModel(v, sample, quick));
    expect(a).toBe(b);
    expect(serializeModel(buildModel(v, sample, { ...quick, seed: quick.seed + 1 }))).not.toBe(a);
  });

  it('shipped model: trained from the shipped corpus, options and code', () => {
    const model = shippedCatalog().model!;
    expect(model).not.toBeNull();
    expect(model.examples).toBe(corpus.length);
    expect(model.trainedFrom, 'data/ changed: run `npm run train`').toBe(
      trainingDigest(shippedCatalog().dataVersion, corpus.map((s) => ({ view: phrasesOnly.read('').view, example: s.example })), TRAINING),
    );
    expect(model.trainedWith, 'the model code changed: run `npm run train`').toBe(codeDigest());
  });

  it('names the file, line and reason of a broken corpus line', () => {
    const good = '{"q":"make a jingle","accept":["audio"],"industry":null,"volume":null}';
    expect(() => parseCorpusText('x.jsonl', `${good}\n{"q": "oops"`)).toThrow(/^x\.jsonl:2: not valid JSON/);
    expect(() => parseCorpusText('x.jsonl', `${good}\n\n{"q":"a logo","accept":["picture"],"industry":null,"volume":null}`)).toThrow(
      /^x\.jsonl:3: accept\.0: /,
    );
    expect(() => parseCorpusText('x.jsonl', '{"q":"a logo","accept":["image"],"industry":"bakery","volume":null}')).toThrow(CorpusError);
  });

  it('`npm run train` stops on a broken corpus line with one line naming it, and writes no model', () => {
    const dir = copyOfData();
    appendFileSync(join(dir, 'examples', 'zz-broken.jsonl'), '{"q":"a logo","accept":["image"],"industry":null,"volume":{"count":3}}\n');
    const r = spawnSync(process.execPath, ['dist/scripts/train.js'], { encoding: 'utf8', env: { ...process.env, WHICH_TOOL_DATA: dir } });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^which-tool train: zz-broken\.jsonl:1: volume\.unit: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
