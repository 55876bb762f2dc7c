// Builds the Bolt app around a receiver: our authorize (no auth.test at start-up), a Web API
// client on SLACK_API_URL with short retries (a stuck Slack must not pin requests for the
// SDK's default half hour of retries), redelivery dedupe, and the listeners.
import { App, type CodedError, type Context, type Receiver, type webApi } from '@slack/bolt';
import type { SlackConfig } from '../config/config.js';
import type { SurfaceDeps } from '../server/deps.js';
import { boltLogger } from './bolt-logger.js';
import { BotIdentity } from './bot-identity.js';
import { registerListeners } from './listeners/index.js';
import { SeenEvents, skipRedelivered } from './redelivery.js';
import { logFor } from './request-log.js';

export const webClientOptions = (config: SlackConfig): webApi.WebClientOptions => ({
  slackApiUrl: config.apiUrl,
  timeout: 10_000,
  retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
});

export interface SlackApp {
  readonly app: App;
  readonly identity: BotIdentity;
}

export function buildSlackApp(deps: SurfaceDeps, config: SlackConfig, receiver: Receiver): SlackApp {
  const log = deps.log.child({ surface: 'slack' });
  const identity = new BotIdentity(config, log);
  const app: App = new App({
    receiver,
    // Called per request, long after construction, so `app` is set by then.
    authorize: identity.authorize(() => app.client),
    logger: boltLogger(log),
    clientOptions: webClientOptions(config),
    // No listener uses Bolt's per-conversation state; skipping it saves a lookup per request.
    convoStore: false,
    // The error handler then gets the listener's context, and so the request id.
    extendedErrorHandler: true,
  });
  app.use(skipRedelivered(new SeenEvents(), log));
  registerListeners(app, deps);
  app.error(async ({ error, context }: { error: CodedError; context: Context }) => {
    // Bolt's last stop for a listener's failure: record it; the person already has the ack.
    logFor(log, context).error({ err: error.message, code: error.code }, 'Slack listener failed');
  });
  return { app, identity };
}
