// Slash commands. The command name is the manifest's; a workspace that renames it can set
// the same name here.
import type { App } from '@slack/bolt';
import type { SurfaceDeps } from '../../../server/deps.js';
import { whichtoolCommand } from './whichtool.js';

export const COMMAND = '/whichtool';

export function registerCommands(app: App, deps: SurfaceDeps): void {
  app.command(COMMAND, whichtoolCommand(deps));
}
