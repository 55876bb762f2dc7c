// Slack's second way in: the OAuth v2 install flow, for many workspaces and Grid organisations.
// Decided here, once, from the same environment as the rest of the configuration. The two
// modes are exclusive: a bot token next to OAuth credentials would leave it open which token
// answers a workspace, so a mix stops start-up instead of guessing.
import { ErrorCode, WhichToolError } from '../core/errors.js';

export interface SlackOAuthConfig {
  readonly signingSecret: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Signs the `state` of each install link (CSRF protection of the callback). */
  readonly stateSecret: string;
  readonly apiUrl: string;
}

export interface SlackEnv {
  readonly SLACK_SIGNING_SECRET?: string | undefined;
  readonly SLACK_BOT_TOKEN?: string | undefined;
  readonly SLACK_APP_TOKEN?: string | undefined;
  readonly SLACK_BOT_ID?: string | undefined;
  readonly SLACK_BOT_USER_ID?: string | undefined;
  readonly SLACK_CLIENT_ID?: string | undefined;
  readonly SLACK_CLIENT_SECRET?: string | undefined;
  readonly SLACK_STATE_SECRET?: string | undefined;
}

const OAUTH = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
/** Variables that only make sense for one workspace with one fixed token. */
const SINGLE = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_BOT_ID', 'SLACK_BOT_USER_ID'] as const;
/** A shorter state secret could be guessed, and a guessed secret forges install callbacks. */
const MIN_STATE_SECRET = 16;

const fail = (message: string): never => {
  throw new WhichToolError(ErrorCode.ConfigInvalid, `configuration: ${message}`);
};

/** Null when no OAuth variable is set (single-workspace mode or Slack off); throws on a mix or half. */
export function readSlackOAuth(e: SlackEnv, apiUrl: string): SlackOAuthConfig | null {
  const set = OAUTH.filter((name) => e[name]);
  if (set.length === 0) return null;
  const single = SINGLE.find((name) => e[name]);
  if (single)
    fail(`${single} cannot be combined with ${set.join(', ')}: use SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install into many (README, "Install into many workspaces")`);
  const missing = OAUTH.find((name) => !e[name]);
  if (missing) fail(`${missing} is required when ${set[0]} is set (OAuth mode needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET)`);
  if (!e.SLACK_SIGNING_SECRET) fail('SLACK_SIGNING_SECRET is required in OAuth mode (with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET)');
  if (e.SLACK_STATE_SECRET!.length < MIN_STATE_SECRET) fail(`SLACK_STATE_SECRET must be at least ${MIN_STATE_SECRET} characters (e.g. openssl rand -hex 32)`);
  return {
    signingSecret: e.SLACK_SIGNING_SECRET!,
    clientId: e.SLACK_CLIENT_ID!,
    clientSecret: e.SLACK_CLIENT_SECRET!,
    stateSecret: e.SLACK_STATE_SECRET!,
    apiUrl,
  };
}
