// The two events that end an installation. Bolt delivers both without looking up a token
// (there is none left to look up), with the workspace or organisation in the context.
import type { App, Context } from '@slack/bolt';
import type { InstallationLookup } from '../../store/installation-types.js';
import type { InstallationLifecycle } from './lifecycle.js';

const whereOf = (context: Context): InstallationLookup => ({
  teamId: context.teamId,
  enterpriseId: context.enterpriseId,
  isEnterpriseInstall: context.isEnterpriseInstall,
});

export function registerInstallationEvents(app: App, lifecycle: InstallationLifecycle): void {
  app.event('app_uninstalled', async ({ context }) => {
    await lifecycle.removed(whereOf(context), 'app_uninstalled');
  });
  app.event('tokens_revoked', async ({ event, context }) => {
    // Only user tokens revoked: the bot's token, the one we keep, still works.
    if (!event.tokens.bot?.length) return;
    await lifecycle.removed(whereOf(context), 'tokens_revoked');
  });
}
