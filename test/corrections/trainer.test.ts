// The trainer process and the learner when things go wrong: a trainer that dies or is handed
// another catalog reports it and the next job starts afresh; a set that fails to train keeps the
// model in use and is not retried until it changes; an unreadable store changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelFileT } from '../../src/core/model/model-file.js';
import { Recommender } from '../../src/core/recommend.js';
import { DeploymentLearner, type ModelTrainer } from '../../src/corrections/learner.js';
import { teachingDigest, type TeachingCorrection } from '../../src/corrections/teaching.js';
import { TrainerProcess } from '../../src/corrections/trainer-client.js';
import { createLogger } from '../../src/log/logger.js';
import { Writable } from 'node:stream';
import { shippedCatalog } from '../helpers/catalog.js';
import { dataWithSmallCorpus, GLIMMER } from './helpers.js';

const set: TeachingCorrection[] = [{ id: 'cor_1', text: GLIMMER, chosen: 'video', industry: null }];
const trainers: TrainerProcess[] = [];
afterEach(() => trainers.splice(0).forEach((t) => t.stop()));

function logLines(): { log: ReturnType<typeof createLogger>; lines: { msg: string }[] } {
  const lines: { msg: string }[] = [];
  const sink = new Writable({ write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  return { log: createLogger('info', sink), lines };
}

describe('trainer process', () => {
  it('trains in a child process, reports a death, and starts afresh on the next job', async () => {
    const trainer = new TrainerProcess({ dataDir: dataWithSmallCorpus(64), cacheDir: null, catalogVersion: shippedCatalog().version });
    trainers.push(trainer);
    const first = trainer.model(set);
    expect(trainer.running).toBe(true);
    const trained = await first;
    expect(trained.source).toBe('trained');
    expect(trained.model.features).toContain('wglimmerpost');
    (trainer as unknown as { child: { kill(s: string): void } }).child.kill('SIGKILL');
    const dying = trainer.model(set);
    await expect(dying).rejects.toThrow(/trainer process exited|SIGKILL/);
    const again = await trainer.model(set);
    expect(again.model.trainedFrom).toBe(trained.model.trainedFrom);
  });

  it('refuses to train against a catalog other than the server answers from', async () => {
    const trainer = new TrainerProcess({ dataDir: dataWithSmallCorpus(64), cacheDir: null, catalogVersion: '000000000000' });
    trainers.push(trainer);
    await expect(trainer.model(set)).rejects.toMatchObject({ code: 'deployment_training_failed', message: expect.stringMatching(/changed since the server started.*restart/) });
  });
});

describe('learner', () => {
  const fake = (model: () => Promise<ModelFileT>) => {
    const calls: number[] = [];
    const trainer: ModelTrainer = {
      model: async (s) => (calls.push(s.length), { model: await model(), source: 'trained', ms: 1, cpuMs: 1 }),
      stop: () => undefined,
    };
    return { trainer, calls };
  };

  it('keeps the model in use when training fails, and does not retry that set until it changes', async () => {
    const recommender = new Recommender(shippedCatalog());
    const shipped = recommender.modelVersion;
    const { trainer, calls } = fake(() => Promise.reject(new Error('out of memory')));
    let current = set;
    const { log, lines } = logLines();
    const learner = new DeploymentLearner({ recommender, catalog: shippedCatalog(), teaching: async () => current, trainer, intervalMs: 60_000, log });
    await learner.check();
    await learner.check();
    expect(calls).toEqual([1]);
    expect(recommender.modelVersion).toBe(shipped);
    expect(lines.map((l) => l.msg)).toEqual(["corrections: cannot train this deployment's model; answers keep the current one"]);
    current = [...set, { id: 'cor_2', text: 'the zintaro deck', chosen: 'llm', industry: null }];
    await learner.check();
    expect(calls).toEqual([1, 2]);
  });

  it('coalesces looks during a training into one more, and keeps the model while the store is down', async () => {
    const recommender = new Recommender(shippedCatalog());
    const model = { ...shippedCatalog().model!, trainedFrom: 'abcdefabcdef' };
    let release: () => void = () => undefined;
    const { trainer, calls } = fake(() => new Promise((r) => (release = () => r(model))));
    let down = false;
    let current = set;
    const { log } = logLines();
    const learner = new DeploymentLearner({
      recommender, catalog: shippedCatalog(), trainer, intervalMs: 60_000, log,
      teaching: async () => {
        if (down) throw new Error('SQLITE_CANTOPEN');
        return current;
      },
    });
    const first = learner.check();
    // The store is read asynchronously: the set changes once the first training has begun.
    await expect.poll(() => calls.length).toBe(1);
    current = [...set, { id: 'cor_2', text: 'the zintaro deck', chosen: 'llm', industry: null }];
    void learner.check();
    void learner.check();
    release();
    await first;
    await expect.poll(() => calls.length).toBe(2);
    release();
    // The second run trained the set as it was after the first began: the newest.
    await expect.poll(() => learner.digest).toBe(teachingDigest(current));
    expect(recommender.modelVersion).toBe('abcdefabcdef');
    down = true;
    await learner.check();
    expect(recommender.modelVersion).toBe('abcdefabcdef');
    expect(learner.digest).toBe(teachingDigest(current));
  });
});
