// The server's side of the trainer process: starts it on the first job, sends it teaching sets,
// and lets it exit after a quiet spell, so its memory (a few hundred MB while it trains) is held
// only around a burst of accepts.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ErrorCode, WhichToolError } from '../core/errors.js';
import type { TeachingCorrection } from './teaching.js';
import type { TrainJob, TrainReply } from './trainer-protocol.js';

export type Trained = Extract<TrainReply, { ok: true }>;

export interface TrainerOptions {
  readonly dataDir: string;
  readonly cacheDir: string | null;
  readonly catalogVersion: string;
  /** The process exits after this long without a job; default two minutes. */
  readonly idleMs?: number;
  /** Its heap limit; training the shipped corpus plus 1,000 corrections peaks near 290 MB resident (bench). */
  readonly heapMb?: number;
}

/** The compiled trainer next to this module; from the TypeScript sources (tests), the built one. */
export function trainerScript(): string {
  const here = fileURLToPath(new URL('./trainer-process.js', import.meta.url));
  if (existsSync(here)) return here;
  const built = here.replace(/([\\/])src([\\/])corrections([\\/])/, '$1dist$2src$2corrections$3');
  if (existsSync(built)) return built;
  throw new WhichToolError(ErrorCode.DeploymentTrainingFailed, `the trainer is not built (${built}): run npm run build`);
}

export class TrainerProcess {
  private child: ChildProcess | null = null;
  private readonly pending = new Map<number, { resolve: (t: Trained) => void; reject: (e: Error) => void }>();
  private next = 1;
  private idle: NodeJS.Timeout | null = null;

  constructor(private readonly options: TrainerOptions) {}

  /** The deployment's model for this set, from the trainer's cache or trained there. */
  model(set: readonly TeachingCorrection[]): Promise<Trained> {
    const child = this.start();
    const job: TrainJob = { id: this.next++, dataDir: this.options.dataDir, cacheDir: this.options.cacheDir, catalogVersion: this.options.catalogVersion, set };
    if (this.idle) clearTimeout(this.idle);
    return new Promise<Trained>((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject });
      child.send(job);
    });
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** The trainer's process id while it runs (the benchmark reads its peak memory). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  stop(): void {
    if (this.idle) clearTimeout(this.idle);
    this.child?.kill();
    this.gone('the server is stopping');
  }

  private start(): ChildProcess {
    if (this.child) return this.child;
    const child = fork(trainerScript(), [], {
      // Its own heap limit: given here, it wins over a cap in NODE_OPTIONS meant for the server.
      execArgv: [`--max-old-space-size=${this.options.heapMb ?? 512}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.on('message', (reply: TrainReply) => this.settle(reply));
    child.on('exit', (code, signal) => {
      if (this.child === child) this.gone(`the trainer process exited (${signal ?? `code ${code}`})`);
    });
    child.on('error', (err) => {
      if (this.child === child) this.gone(`the trainer process failed: ${err.message}`);
    });
    this.child = child;
    return child;
  }

  private settle(reply: TrainReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply);
    else waiting.reject(new WhichToolError(ErrorCode.DeploymentTrainingFailed, reply.message));
    if (this.pending.size === 0) {
      this.idle = setTimeout(() => this.quit(), this.options.idleMs ?? 120_000);
      this.idle.unref();
    }
  }

  /** Closing the channel lets the process end by itself once its job is done. */
  private quit(): void {
    const child = this.child;
    this.child = null;
    child?.disconnect();
  }

  private gone(why: string): void {
    this.child = null;
    for (const { reject } of this.pending.values()) reject(new WhichToolError(ErrorCode.DeploymentTrainingFailed, why));
    this.pending.clear();
  }
}
