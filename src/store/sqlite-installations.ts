// Slack installations in SQLite. Tokens go through the SecretBox (sealed when a key is set);
// the row's key is bound into each seal so a token cannot be moved between rows. The SQL is
// plain (one table, one text key, INSERT … ON CONFLICT) so a server database can mirror it.
import { ErrorCode, WhichToolError } from '../core/errors.js';
import type { SecretBox } from './secret-box.js';
import type { Db } from './open-database.js';
import { installationKey, type InstallationLookup, type InstallationSummary, type SlackInstallation, type SlackInstallationStore } from './installation-types.js';

interface Row {
  id: string;
  team_id: string | null;
  team_name: string | null;
  enterprise_id: string | null;
  enterprise_name: string | null;
  enterprise_url: string | null;
  is_enterprise_install: number;
  app_id: string | null;
  bot_id: string;
  bot_user_id: string;
  bot_scopes: string;
  bot_token: string;
  bot_refresh_token: string | null;
  bot_expires_at: number | null;
  installer_user_id: string | null;
  installed_at: number;
}

const UPSERT = `INSERT INTO slack_installations (id, team_id, team_name, enterprise_id, enterprise_name, enterprise_url,
  is_enterprise_install, app_id, bot_id, bot_user_id, bot_scopes, bot_token, bot_refresh_token, bot_expires_at,
  installer_user_id, installed_at, updated_at)
  VALUES (@id, @team_id, @team_name, @enterprise_id, @enterprise_name, @enterprise_url, @is_enterprise_install, @app_id,
  @bot_id, @bot_user_id, @bot_scopes, @bot_token, @bot_refresh_token, @bot_expires_at, @installer_user_id, @installed_at, @updated_at)
  ON CONFLICT (id) DO UPDATE SET team_id = excluded.team_id, team_name = excluded.team_name, enterprise_id = excluded.enterprise_id,
  enterprise_name = excluded.enterprise_name, enterprise_url = excluded.enterprise_url, is_enterprise_install = excluded.is_enterprise_install,
  app_id = excluded.app_id, bot_id = excluded.bot_id, bot_user_id = excluded.bot_user_id, bot_scopes = excluded.bot_scopes,
  bot_token = excluded.bot_token, bot_refresh_token = excluded.bot_refresh_token, bot_expires_at = excluded.bot_expires_at,
  installer_user_id = excluded.installer_user_id, updated_at = excluded.updated_at`;

/** What each sealed field is called in the seal's associated data and in error messages. */
const sealContext = (id: string, field: 'bot token' | 'refresh token'): string => `Slack installation ${id} ${field}`;

function statements(db: Db) {
  return {
    upsert: db.prepare(UPSERT),
    get: db.prepare('SELECT * FROM slack_installations WHERE id = ?'),
    has: db.prepare('SELECT id FROM slack_installations WHERE id = ?'),
    remove: db.prepare('DELETE FROM slack_installations WHERE id = ?'),
    all: db.prepare('SELECT * FROM slack_installations ORDER BY installed_at, id'),
    tokens: db.prepare('UPDATE slack_installations SET bot_token = ?, bot_refresh_token = ? WHERE id = ?'),
  };
}
type Statements = ReturnType<typeof statements>;

export class SqliteInstallationStore implements SlackInstallationStore {
  // The connection may be replaced after a failure (store/connection.ts): statements are
  // prepared once per connection and looked up by it.
  private readonly prepared = new WeakMap<Db, Statements>();

  constructor(
    private readonly db: () => Db,
    private readonly box: SecretBox,
    private readonly now: () => number = Date.now,
  ) {}

  private get sql(): Statements {
    const db = this.db();
    let s = this.prepared.get(db);
    if (!s) this.prepared.set(db, (s = statements(db)));
    return s;
  }

  async save(i: SlackInstallation): Promise<void> {
    const id = installationKey(i);
    if (!id) throw new WhichToolError(ErrorCode.SlackInstallationInvalid, 'a Slack installation needs a team id, or an enterprise id when installed org-wide');
    const at = this.now();
    this.sql.upsert.run({
      id,
      team_id: i.teamId,
      team_name: i.teamName,
      enterprise_id: i.enterpriseId,
      enterprise_name: i.enterpriseName,
      enterprise_url: i.enterpriseUrl,
      is_enterprise_install: i.isEnterpriseInstall ? 1 : 0,
      app_id: i.appId,
      bot_id: i.botId,
      bot_user_id: i.botUserId,
      bot_scopes: i.botScopes.join(','),
      bot_token: this.box.seal(i.botToken, sealContext(id, 'bot token')),
      bot_refresh_token: i.botRefreshToken === null ? null : this.box.seal(i.botRefreshToken, sealContext(id, 'refresh token')),
      bot_expires_at: i.botExpiresAt,
      installer_user_id: i.installerUserId,
      installed_at: i.installedAt.getTime(),
      updated_at: at,
    });
  }

  async find(where: InstallationLookup): Promise<SlackInstallation | undefined> {
    const id = await this.locate(where);
    const row = id === undefined ? undefined : (this.sql.get.get(id) as Row | undefined);
    return row && this.toInstallation(row);
  }

  async locate(where: InstallationLookup): Promise<string | undefined> {
    const candidates = where.isEnterpriseInstall
      ? [installationKey(where)]
      : [installationKey({ teamId: where.teamId }), installationKey({ enterpriseId: where.enterpriseId, isEnterpriseInstall: true })];
    for (const id of candidates) if (id && this.sql.has.get(id)) return id;
    return undefined;
  }

  async remove(where: InstallationLookup): Promise<boolean> {
    const id = installationKey(where);
    return id ? this.sql.remove.run(id).changes > 0 : false;
  }

  async list(): Promise<InstallationSummary[]> {
    return (this.sql.all.all() as Row[]).map((r) => {
      const { botToken: _t, botRefreshToken: _r, ...summary } = this.toInstallation(r, false);
      return { key: r.id, ...summary };
    });
  }

  async reseal(): Promise<number> {
    const db = this.db();
    const sql = this.sql;
    return db.transaction(() => {
      let changed = 0;
      for (const r of sql.all.all() as Row[]) {
        // Opened whether stale or not: a row the keys cannot read fails here, at start-up,
        // rather than on some later request from that workspace.
        const token = this.box.open(r.bot_token, sealContext(r.id, 'bot token'));
        const refresh = r.bot_refresh_token === null ? null : this.box.open(r.bot_refresh_token, sealContext(r.id, 'refresh token'));
        if (!this.box.isStale(r.bot_token) && (r.bot_refresh_token === null || !this.box.isStale(r.bot_refresh_token))) continue;
        sql.tokens.run(
          this.box.seal(token, sealContext(r.id, 'bot token')),
          refresh === null ? null : this.box.seal(refresh, sealContext(r.id, 'refresh token')),
          r.id,
        );
        changed++;
      }
      return changed;
    })();
  }

  private toInstallation(r: Row, withSecrets = true): SlackInstallation {
    return {
      teamId: r.team_id,
      teamName: r.team_name,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      enterpriseUrl: r.enterprise_url,
      isEnterpriseInstall: r.is_enterprise_install === 1,
      appId: r.app_id,
      botId: r.bot_id,
      botUserId: r.bot_user_id,
      botScopes: r.bot_scopes ? r.bot_scopes.split(',') : [],
      botToken: withSecrets ? this.box.open(r.bot_token, sealContext(r.id, 'bot token')) : '',
      botRefreshToken: withSecrets && r.bot_refresh_token !== null ? this.box.open(r.bot_refresh_token, sealContext(r.id, 'refresh token')) : null,
      botExpiresAt: r.bot_expires_at,
      installerUserId: r.installer_user_id,
      installedAt: new Date(r.installed_at),
    };
  }
}
