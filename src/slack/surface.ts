// Placeholder until the Slack issue: mounts nothing.
import type { SlackConfig } from '../config/config.js';
import type { SurfaceDeps } from '../server/deps.js';
import type { Mountable } from '../server/routes.js';

export async function createSlackSurface(_deps: SurfaceDeps, _config: SlackConfig): Promise<Mountable> {
  return { name: 'slack', routes: [] };
}
