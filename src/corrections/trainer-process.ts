// The server's trainer: a child process, so that training never runs on the server's event loop
// and has a heap of its own (the image caps the server's heap at 96 MB, and a worker thread would
// share that cap). It keeps its corpus read between jobs, so a burst of accepts retrains faster.
import { loadCatalog } from '../core/catalog.js';
import { DeploymentModels } from './deployment-model.js';
import type { TrainJob, TrainReply } from './trainer-protocol.js';

let held: { key: string; models: DeploymentModels } | null = null;

async function run(job: TrainJob): Promise<TrainReply> {
  const key = `${job.dataDir}\0${job.cacheDir}`;
  if (held?.key !== key) {
    const catalog = loadCatalog(job.dataDir);
    // A model trained against another catalog than the server answers from would be wrong.
    if (catalog.version !== job.catalogVersion)
      return { id: job.id, ok: false, message: `the catalog in ${job.dataDir} changed since the server started (${job.catalogVersion} → ${catalog.version}); restart the server` };
    held = { key, models: new DeploymentModels(catalog, job.dataDir, job.cacheDir) };
  }
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { model, source } = await held.models.model(job.set);
  const used = process.cpuUsage(cpu);
  return { id: job.id, ok: true, model, source, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

async function reply(job: TrainJob): Promise<void> {
  let reply: TrainReply;
  try {
    reply = await run(job);
  } catch (err) {
    reply = { id: job.id, ok: false, message: (err as Error).message };
  }
  process.send!(reply);
}

// One job at a time, in the order sent: a job waits for its training thread, and the next must
// not start reading and training beside it.
let queue = Promise.resolve();
process.on('message', (job: TrainJob) => {
  queue = queue.then(() => reply(job));
});
