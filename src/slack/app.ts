// Builds the Bolt app around a receiver: our authorize (no auth.test at start-up), a Web API
// client on SLACK_API_URL with short retries (a stuck Slack must not pin requests for the
// SDK's default half hour of retries), redelivery dedupe, and the listeners.
import { App, ErrorCode, type Authorize, type CodedError, type Context, type Receiver, type webApi } from '@slack/bolt';
import type { SlackConfig } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import type { SurfaceDeps } from '../surface/deps.js';
import { boltLogger, type Scrub } from './bolt-logger.js';
import { BotIdentity } from './bot-identity.js';
import { registerListeners } from './listeners/index.js';
import { SeenEvents, skipRedelivered } from './redelivery.js';
import { logFor } from './request-log.js';

export const webClientOptions = (config: { readonly apiUrl: string }): webApi.WebClientOptions => ({
  slackApiUrl: config.apiUrl,
  timeout: 10_000,
  retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
});

export interface SlackApp {
  readonly app: App;
  readonly identity: BotIdentity;
}

export interface BoltAppOptions {
  readonly receiver: Receiver;
  readonly apiUrl: string;
  /** Called per request, long after construction. */
  readonly authorize: (app: () => App) => Authorize<boolean>;
  /** Removes secrets from Bolt's and the Web API client's own log lines (OAuth mode). */
  readonly scrub?: Scrub;
}

/** The app both modes share: everything but where a request's token comes from. */
export function createBoltApp(deps: SurfaceDeps, options: BoltAppOptions, log: Logger = deps.log.child({ surface: 'slack' })): App {
  const app: App = new App({
    receiver: options.receiver,
    // `app` is set by the time Bolt first calls authorize.
    authorize: options.authorize(() => app),
    logger: boltLogger(log, options.scrub),
    clientOptions: webClientOptions(options),
    // No listener uses Bolt's per-conversation state; skipping it saves a lookup per request.
    convoStore: false,
    // The error handler then gets the listener's context, and so the request id.
    extendedErrorHandler: true,
  });
  app.use(skipRedelivered(new SeenEvents(), log));
  registerListeners(app, deps);
  app.error(async ({ error, context }: { error: CodedError; context: Context }) => {
    // OAuth mode: a workspace no installation serves (uninstalled, or never installed). Expected,
    // and nothing was sent; not a fault of ours.
    if (error.code === ErrorCode.AuthorizationError) {
      logFor(log, context).warn({ err: error.message }, 'Slack request not answered: no installation serves its workspace');
      return;
    }
    // Bolt's last stop for a listener's failure: record it; the person already has the ack.
    logFor(log, context).error({ err: error.message, code: error.code }, 'Slack listener failed');
  });
  return app;
}

/** One workspace, one token from the environment. */
export function buildSlackApp(deps: SurfaceDeps, config: SlackConfig, receiver: Receiver): SlackApp {
  const log = deps.log.child({ surface: 'slack' });
  const identity = new BotIdentity(config, log);
  const app = createBoltApp(deps, { receiver, apiUrl: config.apiUrl, authorize: (current) => identity.authorize(() => current().client) }, log);
  return { app, identity };
}
