// Configuration, read once at start-up from the environment and validated. Nothing deeper in
// the program reads process.env: everything gets the parts of this object it needs.
import { z } from 'zod';
import { ErrorCode, WhichToolError } from '../core/errors.js';
import { readSecretKeys, type SecretKeys } from './secret-keys.js';
import { readSlackOAuth, type SlackOAuthConfig } from './slack-oauth.js';

export type { SecretKeys, SlackOAuthConfig };

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
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
  WHICH_TOOL_DB: z.string().min(1).default('./var/which-tool.db'),
  DATABASE_URL: optionalText.refine((u) => u === undefined || (/^postgres(ql)?:\/\/\S+$/.test(u) && URL.canParse(u)), 'must be a postgres:// URL, e.g. postgres://user:password@host:5432/db'),
  WHICH_TOOL_DATA: optionalText,
  WHICH_TOOL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WHICH_TOOL_LOG_REQUEST_TEXT: z.enum(['0', '1', 'true', 'false']).default('0').transform((v) => v === '1' || v === 'true'),
  WHICH_TOOL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  WHICH_TOOL_DIGEST_GRACE_HOURS: z.coerce.number().min(0).max(168).default(6),
  WHICH_TOOL_SCHEDULER: z.enum(['on', 'off']).default('on'),
  WHICH_TOOL_SCHEDULER_TICK_SECONDS: z.coerce
    .number()
    .int()
    .refine((n) => n >= 1 && n <= 60 && 60 % n === 0, 'must divide 60: 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60')
    .default(60),
});

export interface SlackConfig {
  readonly signingSecret: string;
  readonly botToken: string;
  readonly appToken?: string;
  readonly apiUrl: string;
  readonly botId?: string;
  readonly botUserId?: string;
}

export interface TeamsConfig {
  /** Without an app id, the endpoint accepts unauthenticated local tools only. */
  readonly appId?: string;
  readonly appPassword?: string;
  readonly tenantId?: string;
  readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
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
  readonly dbPath: string;
  /** Postgres instead of the SQLite file, for several replicas; null: SQLite at dbPath. */
  readonly databaseUrl: string | null;
  readonly dataDir?: string;
  readonly logLevel: z.infer<typeof Env>['WHICH_TOOL_LOG_LEVEL'];
  readonly logRequestText: boolean;
  readonly retentionDays: number;
  readonly digestGraceHours: number;
  readonly scheduler: boolean;
  /** How often the scheduler looks for due digests; a replica that died is taken over on the next look. */
  readonly schedulerTickSeconds: number;
  /** Things worth one line at start-up, e.g. "Slack is off". */
  readonly notices: readonly string[];
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // Names the variable and the rule, never the value: it may be a secret.
    throw new WhichToolError(ErrorCode.ConfigInvalid, `configuration: ${String(issue.path[0])} ${issue.message}`);
  }
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
  if (!e.MICROSOFT_APP_ID)
    notices.push('Teams runs unauthenticated for local tools only (Agents Playground, Bot Framework Emulator): set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to connect Teams.');
  return {
    port: e.PORT,
    host: e.HOST,
    slack,
    slackOAuth,
    secretKeys,
    teams: {
      appType: e.MICROSOFT_APP_TYPE,
      ...(e.MICROSOFT_APP_ID ? { appId: e.MICROSOFT_APP_ID } : {}),
      ...(e.MICROSOFT_APP_PASSWORD ? { appPassword: e.MICROSOFT_APP_PASSWORD } : {}),
      ...(e.MICROSOFT_APP_TENANT_ID ? { tenantId: e.MICROSOFT_APP_TENANT_ID } : {}),
    },
    dbPath: e.WHICH_TOOL_DB,
    databaseUrl: e.DATABASE_URL ?? null,
    ...(e.WHICH_TOOL_DATA ? { dataDir: e.WHICH_TOOL_DATA } : {}),
    logLevel: e.WHICH_TOOL_LOG_LEVEL,
    logRequestText: e.WHICH_TOOL_LOG_REQUEST_TEXT,
    retentionDays: e.WHICH_TOOL_RETENTION_DAYS,
    digestGraceHours: e.WHICH_TOOL_DIGEST_GRACE_HOURS,
    scheduler: e.WHICH_TOOL_SCHEDULER === 'on',
    schedulerTickSeconds: e.WHICH_TOOL_SCHEDULER_TICK_SECONDS,
    notices,
  };
}
