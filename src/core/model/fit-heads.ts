// Fits a model's heads, the largest in a worker thread while this thread fits the rest: on two
// idle cores a retrain takes about as long as its category head alone. The results are the same
// bit for bit as fitting them one after another (fit-head.ts is the same arithmetic either way),
// which is also what happens when no worker can run: from the TypeScript sources (tests), or when
// the thread cannot start.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fitHead, type FittedHead, type HeadJob } from './fit-head.js';
import { packJob, transferList } from './packed-job.js';

const WORKER = new URL('./head-worker.js', import.meta.url);

/** Multiply-adds per epoch, roughly: what decides which head is worth a thread. */
const size = (job: HeadJob): number => job.samples.reduce((s, x) => s + x.x.ids.length, 0) * job.labels * (job.folds > 1 ? job.folds + 1 : 1);

export function workerAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

function inWorker(job: HeadJob): Promise<FittedHead> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER);
    worker.once('message', (r: FittedHead) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the training thread stopped (exit ${code})`)));
    const packed = packJob(job);
    worker.postMessage(packed, transferList(packed));
  });
}

/** `trace.thread` is set when a head was fitted in the worker (for tests: a fallback is silent). */
export async function fitHeads(jobs: readonly HeadJob[], parallel = true, trace?: { thread: boolean }): Promise<FittedHead[]> {
  if (!parallel || jobs.length < 2 || !workerAvailable()) return jobs.map(fitHead);
  const largest = jobs.reduce((best, j, i) => (size(j) > size(jobs[best]!) ? i : best), 0);
  // Started first, so the thread warms up while this one works.
  const away = inWorker(jobs[largest]!).then(
    (r) => {
      if (trace) trace.thread = true;
      return r;
    },
    () => fitHead(jobs[largest]!),
  );
  const here = jobs.map((j, i) => (i === largest ? null : fitHead(j)));
  const far = await away;
  return here.map((r) => r ?? far);
}
