// Placeholder until the Teams issue: mounts nothing.
import type { TeamsConfig } from '../config/config.js';
import type { SurfaceDeps } from '../server/deps.js';
import type { Mountable } from '../server/routes.js';

export async function createTeamsSurface(_deps: SurfaceDeps, _config: TeamsConfig): Promise<Mountable> {
  return { name: 'teams', routes: [] };
}
