// `ask` answers as the deployment does: with the model its owners' accepted corrections trained,
// read from the same database as the server (WHICH_TOOL_DB). Trained on first use and cached
// beside the database by the set's digest, so later asks only load it.
import type { Catalog } from '../core/catalog.js';
import type { ModelFileT } from '../core/model/model-file.js';
import { DeploymentModels, modelCacheDir } from '../corrections/deployment-model.js';
import { teachingSet, type TeachingCorrection } from '../corrections/teaching.js';
import { openExisting } from '../store/open-database.js';
import { SqliteCorrectionStore } from '../store/sqlite-correction-store.js';

/** The accepted corrections with text; none when there is no database or it predates corrections. */
async function accepted(dbPath: string): Promise<TeachingCorrection[]> {
  const db = openExisting(dbPath);
  if (!db) return [];
  try {
    return await teachingSet(new SqliteCorrectionStore(db));
  } catch (err) {
    if (/no such table/.test((err as Error).message)) return [];
    throw err;
  } finally {
    db.close();
  }
}

/** The deployment's model, or null for the shipped one; a problem is told on stderr, never fatal. */
export async function deploymentModel(catalog: Catalog, dataDir: string, dbPath: string, err: (line: string) => void): Promise<ModelFileT | null> {
  try {
    const set = await accepted(dbPath);
    if (!set.length) return null;
    const started = performance.now();
    const { model, source } = await new DeploymentModels(catalog, dataDir, modelCacheDir(dbPath)).model(set);
    if (source === 'trained')
      err(`which-tool: trained this deployment's model on ${set.length} accepted correction(s) in ${((performance.now() - started) / 1000).toFixed(1)} s; cached for the next ask`);
    return model;
  } catch (e) {
    err(`which-tool: answering with the shipped model: cannot use this deployment's corrections (${(e as Error).message})`);
    return null;
  }
}
