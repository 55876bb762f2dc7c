// A worker thread that fits one head (fit-heads.ts sends it the largest) while the thread that
// started it fits the others.
import { parentPort } from 'node:worker_threads';
import { fitHead } from './fit-head.js';
import { unpackJob, type PackedJob } from './packed-job.js';

parentPort!.once('message', (job: PackedJob) => {
  const { weights, temperature } = fitHead(unpackJob(job));
  parentPort!.postMessage({ weights, temperature }, [weights.buffer as ArrayBuffer]);
});
