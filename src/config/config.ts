// Configuration, read once at start-up from the environment and validated. Nothing deeper in
// the program reads process.env: everything gets the parts of this object it needs.
import { z } from 'zod';
import { ErrorCode, WhichToolError } from '../core/errors.js';
import { readSecretKeys, type SecretKeys } from './secret-keys.js';
import { readSlackOAuth, type SlackOAuthConfig } from './slack-oauth.js';

export type { SecretKeys, SlackOAuthConfig };
import { deriveSecret } from './secret.js';
import { TEAMS_NOTICE, teamsConfig } from './teams.js';
import { DEFAULT_STALE_AFTER, parseStaleAfter, type StaleAfter } from '../core/freshness.js';

/** Where the SQLite file is when WHICH_TOOL_DB is not set (`ask` reads corrections from it too). */
export const DEFAULT_DB_PATH = './var/which-tool.db';

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

/** A comma-separated list of host names, e.g. "smba.example.com, smba.other.example". */
const hostList = optionalText.refine((t) => t === undefined || t.split(',').every((h) => /^[a-z0-9.-]+$/i.test(h.trim())), 'must be host names separated by commas');

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.refine((t) => t === undefined || /^xox[bp]-/.test(t), 'must start with xoxb- or xoxp-'),
  SLACK_APP_TOKEN: optionalText.refine((t) => t === undefined || t.startsWith('xapp-'), 'must start with xapp-'),
  SLACK_API_URL: z.url().default('https://slack.com/api/'),
  SLACK_BOT_ID: optionalText,
  SLACK_BOT_USER_ID: optionalText,
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  WHICH_TOOL_SECRET_KEY: optionalText,
  WHICH_TOOL_SECRET_KEY_PREVIOUS: optionalText,
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MICROSOFT_LOGIN_URL: z.url().default('https://login.microsoftonline.com/'),
  MICROSOFT_OAUTH_SCOPE: z.url().default('https://api.botframework.com'),
  MICROSOFT_OPENID_METADATA_URL: z.url().optional(),
  WHICH_TOOL_TEAMS_LOCAL: z.enum(['0', '1']).optional(),
  WHICH_TOOL_TEAMS_SERVICE_HOSTS: hostList,
  WHICH_TOOL_RATE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(20),
  WHICH_TOOL_HISTORY_SECRET: optionalText.refine((t) => t === undefined || t.length >= 16, 'must be at least 16 characters'),
  WHICH_TOOL_DIGEST_MANAGERS: optionalText.refine((t) => t === undefined || t === 'members' || /^[\w:.@-]+(\s*,\s*[\w:.@-]+)*$/.test(t), 'must be "members" or user ids separated by commas'),
  WHICH_TOOL_DB: z.string().min(1).default(DEFAULT_DB_PATH),
  DATABASE_URL: optionalText.refine((u) => u === undefined || (/^postgres(ql)?:\/\/\S+$/.test(u) && URL.canParse(u)), 'must be a postgres:// URL, e.g. postgres://user:password@host:5432/db'),
  WHICH_TOOL_DATA: optionalText,
  WHICH_TOOL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WHICH_TOOL_LOG_REQUEST_TEXT: z.enum(['0', '1', 'true', 'false']).default('0').transform((v) => v === '1' || v === 'true'),
  WHICH_TOOL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // Shown as text on the help card ("#ai-catalog or ai-team@acme.example"): one short line.
  WHICH_TOOL_OWNERS_CONTACT: optionalText.refine((t) => t === undefined || (t.length <= 200 && !/[\n\r]/.test(t)), 'must be one line of at most 200 characters'),
  WHICH_TOOL_DIGEST_GRACE_HOURS: z.coerce.number().min(0).max(168).default(6),
  WHICH_TOOL_SCHEDULER: z.enum(['on', 'off']).default('on'),
  WHICH_TOOL_SCHEDULER_TICK_SECONDS: z.coerce
    .number()
    .int()
    .refine((n) => n >= 1 && n <= 60 && 60 % n === 0, 'must divide 60: 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60')
    .default(60),
  WHICH_TOOL_STALE_AFTER: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return DEFAULT_STALE_AFTER;
      const parsed = parseStaleAfter(v);
      if (!parsed) ctx.addIssue({ code: 'custom', message: 'must be a duration such as "6 months", "180d" or "1y"' });
      return parsed ?? DEFAULT_STALE_AFTER;
    }),
  WHICH_TOOL_POLICY: optionalText,
  WHICH_TOOL_STORE_TEXT: z.enum(['on', 'off', '1', '0', 'true', 'false']).default('on').transform((v) => v === 'on' || v === '1' || v === 'true'),
  WHICH_TOOL_OWNERS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((id) => id.trim()).filter(Boolean))
    .refine((ids) => ids.every((id) => /^[^\s]{1,200}$/.test(id)), 'must be ids separated by commas, without spaces inside an id'),
  WHICH_TOOL_CORRECTION_LIMIT: z.coerce.number().int().min(0).max(10_000).default(10),
  WHICH_TOOL_LEARN_SECONDS: z.coerce.number().int().min(0).max(86_400).default(20),
});

export interface SlackConfig {
  readonly signingSecret: string;
  readonly botToken: string;
  readonly appToken?: string;
  readonly apiUrl: string;
  readonly botId?: string;
  readonly botUserId?: string;
}

/**
 * How /api/messages runs: `authenticated` (an app is configured: every request needs a Bot
 * Framework token), `local` (no credentials: unauthenticated, for the Agents Playground and the
 * Emulator on this machine only) or `off` (not mounted at all).
 */
export type TeamsMode = 'authenticated' | 'local' | 'off';

export interface TeamsConfig {
  readonly mode: TeamsMode;
  readonly appId?: string;
  readonly appPassword?: string;
  readonly tenantId?: string;
  readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /** Hosts added by WHICH_TOOL_TEAMS_SERVICE_HOSTS to those that may receive the bot's token. */
  readonly extraServiceHosts: readonly string[];
  /** Microsoft identity platform base the bot's own token comes from (digests). */
  readonly loginUrl: string;
  readonly oauthScope: string;
  /** Where Bot Framework signing keys are published; unset: botbuilder's public-cloud default. */
  readonly openIdMetadataUrl?: string;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Null when Slack is off (its variables are not both set) or runs in OAuth mode. */
  readonly slack: SlackConfig | null;
  /** Set in OAuth mode (many workspaces); never together with `slack`. */
  readonly slackOAuth: SlackOAuthConfig | null;
  /** Encrypt stored Slack installation tokens; none set: they are stored as Slack sent them. */
  readonly secretKeys: SecretKeys;
  readonly teams: TeamsConfig;
  /** Requests per person per minute on every surface; 0: no limit. */
  readonly rateLimit: number;
  /** Key for the App Home history hash: WHICH_TOOL_HISTORY_SECRET, else derived from Slack's signing secret. */
  readonly historySecret: string;
  /** Who may change a channel's digest: full members (not guests, not other organisations), or these user ids only. */
  readonly digestManagers: 'members' | readonly string[];
  readonly dbPath: string;
  /** Postgres instead of the SQLite file, for several replicas; null: SQLite at dbPath. */
  readonly databaseUrl: string | null;
  readonly dataDir?: string;
  readonly logLevel: Env['WHICH_TOOL_LOG_LEVEL'];
  readonly logRequestText: boolean;
  readonly retentionDays: number;
  readonly digestGraceHours: number;
  readonly scheduler: boolean;
  /** How often the scheduler looks for due digests; a replica that died is taken over on the next look. */
  readonly schedulerTickSeconds: number;
  /** Facts older than this are marked on cards and listed by `which-tool catalog check`. */
  readonly staleAfter: StaleAfter;
  /** The company's AI policy file (issue 13); absent: answers without a policy. */
  readonly policyFile?: string;
  /** Who looks after the catalog, for the help card (WHICH_TOOL_OWNERS_CONTACT). */
  readonly ownersContact?: string;
  /** Whether a correction keeps the request's text (it can teach the deployment only then). */
  readonly storeText: boolean;
  /** Who may accept or reject corrections from chat: user, object and group ids, lower-cased. */
  readonly owners: ReadonlySet<string>;
  readonly corrections: {
    /** Corrections one person may send per hour; 0: no limit. */
    readonly perHour: number;
    /** How often the server looks for newly accepted corrections, in seconds; 0: it never retrains. */
    readonly learnSeconds: number;
  };
  /** Things worth one line at start-up, e.g. "Slack is off". */
  readonly notices: readonly string[];
}

export type Env = z.infer<typeof Env>;
/** What the command line's `ask` and `catalog` need, read without the server's variables, so a
 * half-configured Slack does not stop a catalog check in CI. */
export interface CatalogConfig {
  readonly dataDir?: string;
  readonly staleAfter: StaleAfter;
}

export function loadCatalogConfig(env: Readonly<Record<string, string | undefined>>): CatalogConfig {
  const parsed = Env.pick({ WHICH_TOOL_DATA: true, WHICH_TOOL_STALE_AFTER: true }).safeParse(env);
  if (!parsed.success) throw configError(parsed.error.issues[0]!);
  const e = parsed.data;
  return { ...(e.WHICH_TOOL_DATA ? { dataDir: e.WHICH_TOOL_DATA } : {}), staleAfter: e.WHICH_TOOL_STALE_AFTER };
}

// Names the variable and the rule, never the value: it may be a secret.
const configError = (issue: z.core.$ZodIssue): WhichToolError =>
  new WhichToolError(ErrorCode.ConfigInvalid, `configuration: ${String(issue.path[0])} ${issue.message}`);

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) throw configError(parsed.error.issues[0]!);
  const e = parsed.data;
  const notices: string[] = [];
  const apiUrl = e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`;
  const slackOAuth = readSlackOAuth(e, apiUrl);
  const secretKeys = readSecretKeys(e.WHICH_TOOL_SECRET_KEY, e.WHICH_TOOL_SECRET_KEY_PREVIOUS);
  const slackParts = slackOAuth ? 0 : [e.SLACK_SIGNING_SECRET, e.SLACK_BOT_TOKEN].filter(Boolean).length;
  if (slackParts === 1) {
    const missing = e.SLACK_SIGNING_SECRET ? 'SLACK_BOT_TOKEN' : 'SLACK_SIGNING_SECRET';
    throw new WhichToolError(ErrorCode.ConfigInvalid, `configuration: ${missing} is required when the other Slack variable is set`);
  }
  const slack: SlackConfig | null =
    e.SLACK_SIGNING_SECRET && e.SLACK_BOT_TOKEN
      ? {
          signingSecret: e.SLACK_SIGNING_SECRET,
          botToken: e.SLACK_BOT_TOKEN,
          apiUrl,
          ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
          ...(e.SLACK_BOT_ID ? { botId: e.SLACK_BOT_ID } : {}),
          ...(e.SLACK_BOT_USER_ID ? { botUserId: e.SLACK_BOT_USER_ID } : {}),
        }
      : null;
  if (slackOAuth && !secretKeys.current)
    notices.push('Slack installation tokens are stored unencrypted: set WHICH_TOOL_SECRET_KEY to encrypt them (README, "Install into many workspaces").');
  if (!slack && !slackOAuth) notices.push('Slack is off: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to connect it (see README).');
  const teams = teamsConfig(e, slack !== null || slackOAuth !== null);
  notices.push(TEAMS_NOTICE[teams.mode]);
  return {
    port: e.PORT,
    // Local mode answers unauthenticated requests: only this machine may reach it, unless asked.
    host: e.HOST ?? (teams.mode === 'local' ? '127.0.0.1' : '0.0.0.0'),
    slack,
    slackOAuth,
    secretKeys,
    teams,
    rateLimit: e.WHICH_TOOL_RATE_LIMIT,
    historySecret: e.WHICH_TOOL_HISTORY_SECRET ?? deriveSecret(slack?.signingSecret ?? slackOAuth?.signingSecret ?? '', 'which-tool history key'),
    digestManagers: !e.WHICH_TOOL_DIGEST_MANAGERS || e.WHICH_TOOL_DIGEST_MANAGERS === 'members' ? 'members' : e.WHICH_TOOL_DIGEST_MANAGERS.split(',').map((id) => id.trim()),
    dbPath: e.WHICH_TOOL_DB,
    databaseUrl: e.DATABASE_URL ?? null,
    ...(e.WHICH_TOOL_DATA ? { dataDir: e.WHICH_TOOL_DATA } : {}),
    logLevel: e.WHICH_TOOL_LOG_LEVEL,
    logRequestText: e.WHICH_TOOL_LOG_REQUEST_TEXT,
    retentionDays: e.WHICH_TOOL_RETENTION_DAYS,
    digestGraceHours: e.WHICH_TOOL_DIGEST_GRACE_HOURS,
    scheduler: e.WHICH_TOOL_SCHEDULER === 'on',
    schedulerTickSeconds: e.WHICH_TOOL_SCHEDULER_TICK_SECONDS,
    staleAfter: e.WHICH_TOOL_STALE_AFTER,
    ...(e.WHICH_TOOL_POLICY ? { policyFile: e.WHICH_TOOL_POLICY } : {}),
    ...(e.WHICH_TOOL_OWNERS_CONTACT ? { ownersContact: e.WHICH_TOOL_OWNERS_CONTACT } : {}),
    storeText: e.WHICH_TOOL_STORE_TEXT,
    owners: new Set(e.WHICH_TOOL_OWNERS.map((id) => id.toLowerCase())),
    corrections: { perHour: e.WHICH_TOOL_CORRECTION_LIMIT, learnSeconds: e.WHICH_TOOL_LEARN_SECONDS },
    notices,
  };
}

/**
 * Whether a person may accept or reject corrections: any of their ids (Slack user id, Teams AAD
 * object id, the ids of groups they are in) is named in WHICH_TOOL_OWNERS. Ids compare without
 * case: AAD object ids are GUIDs, written either way.
 */
export function isOwner(owners: ReadonlySet<string>, ...ids: readonly (string | null | undefined)[]): boolean {
  return ids.some((id) => typeof id === 'string' && id.trim() !== '' && owners.has(id.trim().toLowerCase()));
}

/**
 * The policy file alone, for `which-tool ask`: answering a question must not fail over a server
 * variable (a malformed PORT) that the command line never uses. Same rule as in loadConfig.
 */
export function policyFileFrom(env: Readonly<Record<string, string | undefined>>): string | undefined {
  return Env.shape.WHICH_TOOL_POLICY.parse(env.WHICH_TOOL_POLICY);
}

/**
 * Whether an unexpected error's stack may be printed (`WHICH_TOOL_DEBUG=1`). Read alone, like the
 * policy file: the error being reported may be the configuration's own.
 */
export function debugFrom(env: Readonly<Record<string, string | undefined>>): boolean {
  const v = env.WHICH_TOOL_DEBUG?.trim().toLowerCase();
  return v !== undefined && v !== '' && v !== '0' && v !== 'false' && v !== 'off';
}
