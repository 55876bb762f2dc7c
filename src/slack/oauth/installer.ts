// The OAuth side of Slack in one object, shared by the request path and the digests:
// @slack/oauth's InstallProvider (install link with a signed `state` and its browser cookie,
// the code exchange at oauth.v2.access under SLACK_API_URL, auth.test for the bot id) over our
// installation store, and the token lookup every Web API call goes through.
// The provider is built here rather than by Bolt's HTTPReceiver: the receiver runs the install
// routes fire-and-forget (a failure leaves the browser waiting), and digests, which run
// outside any request, need the same lookup and the same token refresh.
import { InstallProvider } from '@slack/oauth';
import type { Authorize, AuthorizeResult } from '@slack/bolt';
import type { SlackOAuthConfig } from '../../config/slack-oauth.js';
import type { SlackTokenSource } from '../../digest/slack-sender.js';
import type { Logger } from '../../log/logger.js';
import type { SlackInstallationStore } from '../../store/installation-types.js';
import { webClientOptions } from '../app.js';
import { boltLogger, type Scrub } from '../bolt-logger.js';
import { boltInstallationStore } from './bolt-store.js';
import { installPage } from './pages.js';
import { scrubber } from './scrub.js';
import { subscriptionWorkspace } from './subscription-workspace.js';

export interface SlackOAuth {
  readonly installer: InstallProvider;
  readonly installations: SlackInstallationStore;
  /**
   * Bolt's authorize: the installation serving the request's workspace (or organisation).
   * A rotating token that expires within two hours is refreshed first (oauth.v2.access with
   * grant_type=refresh_token) and stored; without an installation it throws, so nothing is sent.
   */
  readonly authorize: Authorize<boolean>;
  /** The same for a digest: its workspace's token, refreshed as above; undefined when not installed. */
  readonly tokenFor: SlackTokenSource;
  /** Takes the OAuth secrets and all tokens out of Slack libraries' free-text log lines. */
  readonly scrub: Scrub;
}

export function createSlackOAuth(config: SlackOAuthConfig, installations: SlackInstallationStore, log: Logger): SlackOAuth {
  const scrub = scrubber([config.clientSecret, config.stateSecret, config.signingSecret]);
  const logger = boltLogger(log.child({ surface: 'slack' }), scrub);
  const installer = new InstallProvider({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    stateSecret: config.stateSecret,
    installationStore: boltInstallationStore(installations),
    logger,
    // The code exchange, auth.test and refreshes go to SLACK_API_URL, logged through `logger`.
    clientOptions: webClientOptions(config),
    renderHtmlForInstallPath: installPage,
  });

  // A refresh token works once (Slack revokes it when it is used), so requests arriving
  // together for one workspace share one lookup, and so at most one refresh.
  const inFlight = new Map<string, Promise<AuthorizeResult>>();
  const authorize: Authorize<boolean> = async (source) => {
    const key = `${source.isEnterpriseInstall ? 'E' : 'T'}:${source.enterpriseId ?? ''}:${source.teamId ?? ''}`;
    let shared = inFlight.get(key);
    if (!shared) {
      shared = installer.authorize(source).finally(() => inFlight.delete(key)) as Promise<AuthorizeResult>;
      inFlight.set(key, shared);
    }
    // Bolt adds the request's user to the result it gets: each request needs its own copy.
    return { ...(await shared) };
  };

  const tokenFor: SlackTokenSource = async (sub) => {
    const where = subscriptionWorkspace(sub);
    if (!(await installations.locate(where))) return undefined;
    const result = await authorize({ teamId: where.teamId ?? undefined, enterpriseId: where.enterpriseId ?? undefined, isEnterpriseInstall: false } as Parameters<Authorize<boolean>>[0]);
    return result.botToken;
  };

  return { installer, installations, authorize, tokenFor, scrub };
}
