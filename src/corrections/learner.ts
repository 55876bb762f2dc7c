// Learning at once: the running server looks at the accepted corrections every few seconds (and
// at once when an accept in this process says so); when the set changed, its trainer process
// trains (or finds cached) the model for it, and the recommender answers with that model from the
// next request on. No accepted corrections: the shipped model, unchanged.
import type { Catalog } from '../core/catalog.js';
import { Classifier } from '../core/model/classifier.js';
import type { ModelFileT } from '../core/model/model-file.js';
import type { Recommender } from '../core/recommend.js';
import type { Logger } from '../log/logger.js';
import { teachingDigest, type TeachingCorrection } from './teaching.js';

export interface ModelTrainer {
  model(set: readonly TeachingCorrection[]): Promise<{ model: ModelFileT; source: 'cache' | 'trained'; ms: number; cpuMs: number }>;
  stop(): void;
}

export interface LearnerOptions {
  readonly recommender: Recommender;
  readonly catalog: Catalog;
  /** The accepted corrections with text, now; throws when the store cannot be read. */
  readonly teaching: () => Promise<TeachingCorrection[]>;
  readonly trainer: ModelTrainer;
  readonly intervalMs: number;
  readonly log: Logger;
}

export class DeploymentLearner {
  /** The digest of the set the recommender answers with; that of the empty set at start. */
  private applied = teachingDigest([]);
  /** A set whose training failed is not tried again until the set changes. */
  private failed: string | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private storeDown = false;

  constructor(private readonly options: LearnerOptions) {}

  /** Looks now (a restart picks up what was accepted before), then every interval. */
  start(): void {
    void this.check();
    this.timer = setInterval(() => void this.check(), this.options.intervalMs);
    this.timer.unref();
  }

  /** The digest of the corrections the answers come from now. */
  get digest(): string {
    return this.applied;
  }

  /** Looks at the accepted set and swaps the model if it changed; calls during a run coalesce into one more. */
  check(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.look().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.check();
      }
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.options.trainer.stop();
    await this.running?.catch(() => undefined);
  }

  private async look(): Promise<void> {
    const { recommender, catalog, log } = this.options;
    let set: TeachingCorrection[];
    try {
      set = await this.options.teaching();
      if (this.storeDown) log.info('corrections: the store is readable again');
      this.storeDown = false;
    } catch (err) {
      if (!this.storeDown) log.warn({ err: { message: (err as Error).message } }, 'corrections: cannot read accepted corrections; answers keep the current model');
      this.storeDown = true;
      return;
    }
    const digest = teachingDigest(set);
    if (digest === this.applied || digest === this.failed) return;
    if (!set.length) {
      recommender.useModel(catalog.model ? new Classifier(catalog.model) : null);
      this.applied = digest;
      log.info({ model: recommender.modelVersion }, 'corrections: none accepted; answering with the shipped model');
      return;
    }
    try {
      const trained = await this.options.trainer.model(set);
      if (this.stopped) return;
      const swapStarted = performance.now();
      recommender.useModel(new Classifier(trained.model));
      this.applied = digest;
      this.failed = null;
      log.info(
        { corrections: set.length, model: recommender.modelVersion, source: trained.source, trainMs: Math.round(trained.ms), trainCpuMs: Math.round(trained.cpuMs), swapMs: Math.round(performance.now() - swapStarted) },
        "corrections: answering with this deployment's model",
      );
    } catch (err) {
      if (this.stopped) return;
      this.failed = digest;
      log.error({ err: { message: (err as Error).message }, corrections: set.length }, "corrections: cannot train this deployment's model; answers keep the current one");
    }
  }
}
