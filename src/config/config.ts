// Configuration, read once at start-up from the environment and validated. Nothing deeper in
// the program reads process.env: everything gets the parts of this object it needs.
import { z } from 'zod';
import { ErrorCode, WhichToolError } from '../core/errors.js';

/** Where the SQLite file is when WHICH_TOOL_DB is not set (`ask` reads corrections from it too). */
export const DEFAULT_DB_PATH = './var/which-tool.db';

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
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  WHICH_TOOL_DB: z.string().min(1).default(DEFAULT_DB_PATH),
  WHICH_TOOL_DATA: optionalText,
  WHICH_TOOL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WHICH_TOOL_LOG_REQUEST_TEXT: z.enum(['0', '1', 'true', 'false']).default('0').transform((v) => v === '1' || v === 'true'),
  WHICH_TOOL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  WHICH_TOOL_DIGEST_GRACE_HOURS: z.coerce.number().min(0).max(168).default(6),
  WHICH_TOOL_SCHEDULER: z.enum(['on', 'off']).default('on'),
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
  /** Null when Slack is off (its variables are not both set). */
  readonly slack: SlackConfig | null;
  readonly teams: TeamsConfig;
  readonly dbPath: string;
  readonly dataDir?: string;
  readonly logLevel: z.infer<typeof Env>['WHICH_TOOL_LOG_LEVEL'];
  readonly logRequestText: boolean;
  readonly retentionDays: number;
  readonly digestGraceHours: number;
  readonly scheduler: boolean;
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

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // Names the variable and the rule, never the value: it may be a secret.
    throw new WhichToolError(ErrorCode.ConfigInvalid, `configuration: ${String(issue.path[0])} ${issue.message}`);
  }
  const e = parsed.data;
  const notices: string[] = [];
  const slackParts = [e.SLACK_SIGNING_SECRET, e.SLACK_BOT_TOKEN].filter(Boolean).length;
  if (slackParts === 1) {
    const missing = e.SLACK_SIGNING_SECRET ? 'SLACK_BOT_TOKEN' : 'SLACK_SIGNING_SECRET';
    throw new WhichToolError(ErrorCode.ConfigInvalid, `configuration: ${missing} is required when the other Slack variable is set`);
  }
  const slack: SlackConfig | null =
    e.SLACK_SIGNING_SECRET && e.SLACK_BOT_TOKEN
      ? {
          signingSecret: e.SLACK_SIGNING_SECRET,
          botToken: e.SLACK_BOT_TOKEN,
          apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
          ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
          ...(e.SLACK_BOT_ID ? { botId: e.SLACK_BOT_ID } : {}),
          ...(e.SLACK_BOT_USER_ID ? { botUserId: e.SLACK_BOT_USER_ID } : {}),
        }
      : null;
  if (!slack) notices.push('Slack is off: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to connect it (see README).');
  if (!e.MICROSOFT_APP_ID)
    notices.push('Teams runs unauthenticated for local tools only (Agents Playground, Bot Framework Emulator): set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to connect Teams.');
  return {
    port: e.PORT,
    host: e.HOST,
    slack,
    teams: {
      appType: e.MICROSOFT_APP_TYPE,
      ...(e.MICROSOFT_APP_ID ? { appId: e.MICROSOFT_APP_ID } : {}),
      ...(e.MICROSOFT_APP_PASSWORD ? { appPassword: e.MICROSOFT_APP_PASSWORD } : {}),
      ...(e.MICROSOFT_APP_TENANT_ID ? { tenantId: e.MICROSOFT_APP_TENANT_ID } : {}),
    },
    dbPath: e.WHICH_TOOL_DB,
    ...(e.WHICH_TOOL_DATA ? { dataDir: e.WHICH_TOOL_DATA } : {}),
    logLevel: e.WHICH_TOOL_LOG_LEVEL,
    logRequestText: e.WHICH_TOOL_LOG_REQUEST_TEXT,
    retentionDays: e.WHICH_TOOL_RETENTION_DAYS,
    digestGraceHours: e.WHICH_TOOL_DIGEST_GRACE_HOURS,
    scheduler: e.WHICH_TOOL_SCHEDULER === 'on',
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
