// `which-tool ask` learns from the owners' decisions in its database: a request no corpus could
// know is answered with the kind chosen once accepted; unrelated requests, another deployment's
// database and a rejected correction change nothing. The corpus is a 32nd of the shipped one
// (training it takes a second); the shipped model and catalog are the real ones.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TRAINING, trainingDigest } from '../../src/core/model/build.js';
import { loadCorpus } from '../../src/core/model/corpus.js';
import { CORRECTION_WEIGHT } from '../../src/core/model/deployment.js';
import { Recommender } from '../../src/core/recommend.js';
import { correctionExample } from '../../src/corrections/teaching.js';
import { shippedCatalog } from '../helpers/catalog.js';
import { runCli } from '../helpers/cli.js';
import { correct, dataWithSmallCorpus, GLIMMER, openService, UNRELATED } from './helpers.js';

let data = '';
beforeAll(() => {
  data = dataWithSmallCorpus(32);
});

interface Asked {
  readonly query: string;
  readonly model: string | null;
  readonly recommendations: { category: string }[];
}

function ask(db: string, ...queries: string[]): { answers: Asked[]; stderr: string } {
  const r = runCli(['ask', '--json', '--stdin'], `${queries.join('\n')}\n`, { WHICH_TOOL_DB: db, WHICH_TOOL_DATA: data });
  expect(r.code, r.stderr).toBe(0);
  return { answers: r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Asked), stderr: r.stderr };
}
const top = (a: Asked): string => a.recommendations[0]?.category ?? 'none';
const cli = (db: string, ...args: string[]) => runCli(['corrections', ...args], undefined, { WHICH_TOOL_DB: db, WHICH_TOOL_DATA: data });

/** A deployment with one pending correction per [text, kind]; returns its database and the ids. */
async function deployment(...corrections: [string, 'video' | 'llm'][]): Promise<{ db: string; ids: string[] }> {
  const o = openService();
  const ids: string[] = [];
  for (const [text, kind] of corrections) ids.push((await correct(o.service, text, kind)).correction.id);
  o.store.close();
  return { db: o.path, ids };
}

describe('ask with accepted corrections', () => {
  it('answers a request it could not know with the kind chosen once accepted; unrelated requests and other deployments unchanged', async () => {
    const { db } = await deployment([GLIMMER, 'video']);
    const other = (await deployment()).db;
    const before = ask(db, GLIMMER, ...UNRELATED).answers;
    expect(top(before[0]!)).not.toBe('video');
    expect(cli(db, 'accept', '--all').code).toBe(0);
    const after = ask(db, GLIMMER, ...UNRELATED);
    expect(after.stderr).toMatch(/trained this deployment's model on 1 accepted correction/);
    expect(top(after.answers[0]!)).toBe('video');
    expect(after.answers[0]!.model).not.toBe(before[0]!.model);
    expect(after.answers.slice(1).map(top)).toEqual(before.slice(1).map(top));
    // Cached by the accepted set's digest beside the database: the next ask trains nothing.
    expect(readdirSync(join(dirname(db), 'models')).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const again = ask(db, GLIMMER);
    expect(again.stderr).toBe('');
    expect(again.answers[0]!.model).toBe(after.answers[0]!.model);
    // Another deployment's database: the shipped model, the same answer as before.
    expect(ask(other, GLIMMER).answers).toEqual([before[0]]);
    expect(existsSync(join(dirname(other), 'models'))).toBe(false);
  });

  it('rejecting the only accepted correction gives back the shipped answers, byte for byte', async () => {
    const { db, ids } = await deployment([GLIMMER, 'video']);
    const before = runCli(['ask', '--json', GLIMMER], undefined, { WHICH_TOOL_DB: db, WHICH_TOOL_DATA: data }).stdout;
    cli(db, 'accept', ids[0]!);
    expect(top(ask(db, GLIMMER).answers[0]!)).toBe('video');
    expect(cli(db, 'reject', ids[0]!).code).toBe(0);
    expect(runCli(['ask', '--json', GLIMMER], undefined, { WHICH_TOOL_DB: db, WHICH_TOOL_DATA: data }).stdout).toBe(before);
  });

  it('rejecting one of two accepted corrections retrains from the corpus and the one left', async () => {
    const deck = 'frobnicate the quarterly zintaro numbers into a board memo';
    const both = await deployment([GLIMMER, 'video'], [deck, 'llm']);
    cli(both.db, 'accept', '--all');
    expect(ask(both.db, GLIMMER).answers.map(top)).toEqual(['video']);
    cli(both.db, 'reject', both.ids[0]!);
    // The model is the one trained from the corpus and the correction left, as if the other never was.
    const corpus = loadCorpus(join(data, 'examples')).map((s) => ({ example: s.example }));
    const left = correctionExample({ id: 'x', text: deck, chosen: 'llm', industry: null }, new Recommender(shippedCatalog()))!;
    const expected = trainingDigest(shippedCatalog().dataVersion, [...corpus, { example: left, weight: CORRECTION_WEIGHT }], { ...TRAINING, folds: 0 });
    expect(ask(both.db, GLIMMER).answers[0]!.model).toBe(expected);
  });
});
