// A deployment's model for a set of accepted corrections: from the cache when it was trained
// before (by the server or by `ask`: they share the folder beside the database), else trained
// now and cached. The command line calls this in its own process; the server only inside its
// trainer process, never on its event loop.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Catalog } from '../core/catalog.js';
import { ErrorCode, WhichToolError } from '../core/errors.js';
import { TRAINING } from '../core/model/build.js';
import { codeDigest } from '../core/model/code-digest.js';
import { loadCorpus, type ExampleT } from '../core/model/corpus.js';
import { CORRECTION_WEIGHT, DeploymentTrainer } from '../core/model/deployment.js';
import { ModelFile, type ModelFileT } from '../core/model/model-file.js';
import { serializeModel } from '../core/model/serialize.js';
import { Recommender } from '../core/recommend.js';
import { correctionExample, teachingDigest, type TeachingCorrection } from './teaching.js';

/** Models kept in the cache: the current one and a few before it (an owner who undoes a reject). */
const KEEP = 4;
const PREFIX = 'deployment-';

/** The cache folder beside the database; none for an in-memory database. */
export function modelCacheDir(dbPath: string): string | null {
  return dbPath === ':memory:' ? null : join(dirname(resolve(dbPath)), 'models');
}

export interface DeploymentModel {
  readonly model: ModelFileT;
  readonly source: 'cache' | 'trained';
}

export class DeploymentModels {
  private trainer: DeploymentTrainer | null = null;
  private shipped: Recommender | null = null;
  private base: string | null = null;
  /** Corrections labelled in the last run (labelling asks the shipped model): kept for the next. */
  private labelled = new Map<string, ExampleT | null>();

  constructor(
    private readonly catalog: Catalog,
    private readonly dataDir: string,
    private readonly cacheDir: string | null,
  ) {}

  private get examplesDir(): string {
    return join(this.dataDir, 'examples');
  }

  /** What the model is a function of: catalog and shipped model, corpus, training code and options, the set. */
  key(set: readonly TeachingCorrection[]): string {
    if (this.base === null) {
      const h = createHash('sha256').update(this.catalog.version).update(codeDigest()).update(JSON.stringify(TRAINING)).update(String(CORRECTION_WEIGHT));
      if (existsSync(this.examplesDir))
        for (const f of readdirSync(this.examplesDir).filter((n) => n.endsWith('.jsonl')).sort()) h.update(f).update(readFileSync(join(this.examplesDir, f)));
      this.base = h.digest('hex');
    }
    return createHash('sha256').update(this.base).update(teachingDigest(set)).digest('hex').slice(0, 16);
  }

  async model(set: readonly TeachingCorrection[]): Promise<DeploymentModel> {
    const key = this.key(set);
    const cached = this.read(key);
    if (cached) return { model: cached, source: 'cache' };
    const model = await this.train(set);
    this.write(key, model);
    return { model, source: 'trained' };
  }

  private train(set: readonly TeachingCorrection[]): Promise<ModelFileT> {
    if (!existsSync(this.examplesDir))
      throw new WhichToolError(ErrorCode.DeploymentTrainingFailed, `cannot learn from corrections: there is no corpus at ${this.examplesDir}`);
    this.shipped ??= new Recommender(this.catalog);
    this.trainer ??= new DeploymentTrainer(this.catalog, loadCorpus(this.examplesDir).map((s) => s.example));
    const shipped = this.shipped;
    const labelled = new Map<string, ExampleT | null>();
    const lines = set.flatMap((c) => {
      const key = JSON.stringify([c.text, c.chosen, c.industry]);
      const line = labelled.get(key) ?? this.labelled.get(key) ?? correctionExample(c, shipped);
      labelled.set(key, line);
      return line ?? [];
    });
    this.labelled = labelled;
    return this.trainer.train(lines);
  }

  private file(key: string): string | null {
    return this.cacheDir && join(this.cacheDir, `${PREFIX}${key}.json`);
  }

  private read(key: string): ModelFileT | null {
    const file = this.file(key);
    if (!file || !existsSync(file)) return null;
    try {
      const parsed = ModelFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      // A torn or foreign file is trained again and overwritten.
      return null;
    }
  }

  private write(key: string, model: ModelFileT): void {
    const file = this.file(key);
    if (!file || !this.cacheDir) return;
    try {
      mkdirSync(this.cacheDir, { recursive: true });
      // Written aside and renamed: the server and `ask` may read the folder at the same time.
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, serializeModel(model));
      renameSync(temp, file);
      this.prune();
    } catch {
      // A cache that cannot be written costs time on the next start, nothing else.
    }
  }

  private prune(): void {
    const dir = this.cacheDir!;
    const files = readdirSync(dir)
      .filter((f) => f.startsWith(PREFIX) && f.endsWith('.json'))
      .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of files.slice(KEEP)) unlinkSync(join(dir, f));
  }
}
