// The schema, as numbered migrations kept in the repository. Each runs once, in order, inside
// a transaction; `PRAGMA user_version` records the last one applied. Never edit a shipped
// migration: add the next number.
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'teams')),
        workspace TEXT NOT NULL DEFAULT '',
        channel TEXT NOT NULL,
        schedule TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
        paused_reason TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (platform, channel)
      );
      CREATE TABLE deliveries (
        subscription_id TEXT NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        period_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'skipped', 'failed', 'dead')),
        owner TEXT,
        lease_until INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        catalog_version TEXT,
        detail TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (subscription_id, period_at)
      );
      CREATE TABLE conversation_refs (
        conversation_id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        scope TEXT NOT NULL,
        reference TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE request_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        surface TEXT NOT NULL,
        workspace TEXT NOT NULL,
        channel TEXT,
        category TEXT,
        industry TEXT,
        confidence REAL NOT NULL,
        volume_count REAL,
        volume_unit TEXT,
        volume_period TEXT,
        matched INTEGER NOT NULL,
        use_case TEXT,
        text TEXT
      );
      CREATE INDEX request_log_channel_at ON request_log (channel, at);
      CREATE INDEX request_log_at ON request_log (at);
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        surface TEXT NOT NULL,
        workspace TEXT NOT NULL,
        channel TEXT,
        category TEXT,
        helpful INTEGER NOT NULL,
        catalog_version TEXT NOT NULL
      );
      CREATE INDEX feedback_channel_at ON feedback (channel, at);
      CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        user_key TEXT NOT NULL,
        at INTEGER NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX history_user_at ON history (user_key, at);
      CREATE TABLE catalog_snapshots (
        version TEXT PRIMARY KEY,
        tools TEXT NOT NULL,
        use_cases TEXT NOT NULL,
        seen_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'slack-installations',
    // One row per workspace ("T:<team>") or org-wide Grid install ("E:<enterprise>"); tokens
    // sealed when WHICH_TOOL_SECRET_KEY is set. A subscription remembers its channel's Grid
    // organisation, so its digest can use an org-wide installation's token.
    sql: `
      CREATE TABLE slack_installations (
        id TEXT PRIMARY KEY,
        team_id TEXT,
        team_name TEXT,
        enterprise_id TEXT,
        enterprise_name TEXT,
        enterprise_url TEXT,
        is_enterprise_install INTEGER NOT NULL,
        app_id TEXT,
        bot_id TEXT NOT NULL,
        bot_user_id TEXT NOT NULL,
        bot_scopes TEXT NOT NULL,
        bot_token TEXT NOT NULL,
        bot_refresh_token TEXT,
        bot_expires_at INTEGER,
        installer_user_id TEXT,
        installed_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      ALTER TABLE subscriptions ADD COLUMN enterprise TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    version: 3,
    name: 'authenticated references and a meta table',
    // Rows from before keep NULL: start-up in authenticated mode decides about them (sqlite-store.ts).
    sql: `
      ALTER TABLE conversation_refs ADD COLUMN authenticated INTEGER;
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'policy log',
    // What the AI policy's owners count (issue 13), one row per fact: an answer with no approved
    // tool (subject: category), a named tool (subject: its name), a mention of sensitive data
    // (subject: the class), a press of "Request access" (subject: tool or category). No user,
    // no text; pruned with the request log.
    sql: `
      CREATE TABLE policy_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        surface TEXT NOT NULL,
        workspace TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('unapproved', 'named', 'data', 'access')),
        subject TEXT NOT NULL,
        status TEXT
      );
      CREATE INDEX policy_log_at ON policy_log (at);
    `,
  },
];
