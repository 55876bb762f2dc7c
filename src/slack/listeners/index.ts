// Every Slack listener, registered in one place (the bolt-ts-starter-template layout: one
// folder per kind of input, one small handler per file).
import type { App } from '@slack/bolt';
import type { SurfaceDeps } from '../../surface/deps.js';
import { registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';
import { registerShortcuts } from './shortcuts/index.js';
import { registerViews } from './views/index.js';

export function registerListeners(app: App, deps: SurfaceDeps): void {
  registerCommands(app, deps);
  registerActions(app, deps);
  registerEvents(app, deps);
  registerShortcuts(app, deps);
  registerViews(app, deps);
}
