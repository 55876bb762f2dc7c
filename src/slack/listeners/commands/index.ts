// Slash commands. The command name is the manifest's; a workspace that renames it can set
// the same name here.
// Registered as a global middleware, not with app.command: for every request Bolt runs each
// listener's matcher chain (seven listeners here), which cost ~55 µs of CPU per slash command,
// a sixth of the whole request. A command is claimed here and the listener chains are skipped;
// everything else goes on to them. The handler gets the same arguments a listener would.
import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { whichtoolCommand, type CommandArgs } from './whichtool.js';

export const COMMAND = '/whichtool';

export function registerCommands(app: App, deps: SurfaceDeps): void {
  app.use(commandRoute(COMMAND, whichtoolCommand(deps)));
}

export function commandRoute(name: string, handler: (args: CommandArgs) => Promise<void>): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    if (!('command' in args) || args.command?.command !== name) return args.next();
    await handler(args as CommandArgs);
  };
}
