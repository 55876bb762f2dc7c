// The Slack surface in OAuth mode: the same Bolt app and listeners as with one workspace, but
// every request's token comes from the installation of the workspace (or Grid organisation)
// it came from, plus the install routes and the uninstall events.
import { HTTPReceiver } from '@slack/bolt';
import type { SlackOAuthConfig } from '../../config/slack-oauth.js';
import type { SurfaceDeps } from '../../surface/deps.js';
import type { Mountable } from '../../surface/routes.js';
import { StoreUnavailableError } from '../../store/connection.js';
import type { DigestStore } from '../../store/digest-types.js';
import { createBoltApp } from '../app.js';
import { boltLogger } from '../bolt-logger.js';
import { requestIdProperties } from '../request-log.js';
import { gatedEventsRoute, SLACK_EVENTS_PATH } from '../surface.js';
import type { SlackOAuth } from './installer.js';
import { InstallationLifecycle } from './lifecycle.js';
import { registerInstallationEvents } from './listeners.js';
import { installRoutes } from './routes.js';

export async function createSlackOAuthSurface(deps: SurfaceDeps, config: SlackOAuthConfig, oauth: SlackOAuth, digests?: DigestStore): Promise<Mountable> {
  const log = deps.log.child({ surface: 'slack' });
  // Before the server listens: a key that cannot open a stored token stops start-up here,
  // with the row and the fix, instead of failing that workspace's requests one by one.
  // Without its database the server still starts (Teams answers, /healthz says so); Slack
  // requests then find no installation until the file opens.
  const unavailable = (err: unknown): number => {
    if (err instanceof StoreUnavailableError) return 0;
    throw err;
  };
  const resealed = await oauth.installations.reseal().catch(unavailable);
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    // The gate has checked the signature (once, with the window and replay checks Bolt lacks).
    signatureVerification: false,
    endpoints: SLACK_EVENTS_PATH,
    logger: boltLogger(log, oauth.scrub),
    customPropertiesExtractor: requestIdProperties,
  });
  const app = createBoltApp(deps, { receiver, apiUrl: config.apiUrl, authorize: () => oauth.authorize, scrub: oauth.scrub }, log);
  const lifecycle = new InstallationLifecycle(oauth.installations, digests, log);
  registerInstallationEvents(app, lifecycle);
  const installations = await oauth.installations.list().then((all) => all.length, unavailable);
  return {
    name: 'slack',
    routes: [gatedEventsRoute(receiver, config.signingSecret), ...installRoutes(oauth, lifecycle, log)],
    async start() {
      log.info({ installations, resealed }, 'Slack runs in OAuth mode: install it from /slack/install');
    },
  };
}
