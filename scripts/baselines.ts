// `node dist/scripts/baselines.js`: what the model has to beat, on the same 5 folds of the corpus:
// the catalog's phrases alone (the project's previous answer path, no training) and multinomial
// naive Bayes over the same words and word pairs (the textbook baseline for short texts).
import { join } from 'node:path';
import { defaultDataDir, loadCatalog } from '../src/core/catalog.js';
import { CATEGORY_LABELS } from '../src/core/model/build.js';
import { loadCorpus } from '../src/core/model/corpus.js';
import { extractFeatures } from '../src/core/model/features.js';
import { Recommender } from '../src/core/recommend.js';

const FOLDS = 5;
const dir = process.env.WHICH_TOOL_DATA || defaultDataDir();
const catalog = loadCatalog(dir);
const phrases = new Recommender(catalog, null);
const corpus = loadCorpus(join(dir, 'examples')).map((s) => s.example);
const views = corpus.map((e) => phrases.read(e.q).view);

let phraseOk = 0;
corpus.forEach((e) => {
  if (e.accept.includes(phrases.ask(e.q).recommendations[0]?.category ?? 'none')) phraseOk++;
});

// Naive Bayes with add-one smoothing over word and pair features (counts, not scaled).
const words = views.map((v) => [...extractFeatures(v).keys()].filter((k) => k[0] === 'w' || k[0] === 'b'));
let nbOk = 0;
for (let fold = 0; fold < FOLDS; fold++) {
  const counts = new Map<string, Float64Array>();
  const totals = new Float64Array(CATEGORY_LABELS.length);
  const priors = new Float64Array(CATEGORY_LABELS.length);
  corpus.forEach((e, i) => {
    if (i % FOLDS === fold) return;
    const c = CATEGORY_LABELS.indexOf(e.accept[0]!);
    priors[c]!++;
    for (const w of words[i]!) {
      const row = counts.get(w) ?? new Float64Array(CATEGORY_LABELS.length);
      row[c]!++;
      totals[c]!++;
      counts.set(w, row);
    }
  });
  const vocabulary = counts.size;
  corpus.forEach((e, i) => {
    if (i % FOLDS !== fold) return;
    let best = 0;
    let bestScore = -Infinity;
    CATEGORY_LABELS.forEach((_, c) => {
      let score = Math.log(priors[c]! + 1);
      for (const w of words[i]!) score += Math.log(((counts.get(w)?.[c] ?? 0) + 1) / (totals[c]! + vocabulary));
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    });
    if (e.accept.includes(CATEGORY_LABELS[best]!)) nbOk++;
  });
}
const pct = (k: number): string => (k / corpus.length).toFixed(3);
process.stdout.write(`${corpus.length} requests · phrases alone ${pct(phraseOk)} · naive Bayes (5-fold) ${pct(nbOk)}\n`);
