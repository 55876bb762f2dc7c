// Slack installations in SQLite; the rows and their sealed tokens are installation-rows.ts's,
// shared with Postgres (pg/installations.ts).
import type { SecretBox } from './secret-box.js';
import type { Db } from './open-database.js';
import { candidateKeys, fromInstallationRow, resealed, summaryOf, toInstallationRow } from './installation-rows.js';
import { InstallationRow } from './rows/installation.js';
import { readRow, readRows } from './rows/read-row.js';
import { installationKey, type InstallationLookup, type InstallationSummary, type SlackInstallation, type SlackInstallationStore } from './installation-types.js';

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


const TABLE = 'slack_installations';

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
    const row = toInstallationRow(i, this.box, this.now());
    this.sql.upsert.run(row);
  }

  async find(where: InstallationLookup): Promise<SlackInstallation | undefined> {
    const id = await this.locate(where);
    const row = id === undefined ? undefined : this.sql.get.get(id);
    return row === undefined ? undefined : fromInstallationRow(readRow(InstallationRow, TABLE, row), this.box);
  }

  async locate(where: InstallationLookup): Promise<string | undefined> {
    for (const id of candidateKeys(where)) if (this.sql.has.get(id)) return id;
    return undefined;
  }

  async remove(where: InstallationLookup): Promise<boolean> {
    const id = installationKey(where);
    return id ? this.sql.remove.run(id).changes > 0 : false;
  }

  async list(): Promise<InstallationSummary[]> {
    return readRows(InstallationRow, TABLE, this.sql.all.all()).map((r) => summaryOf(r, this.box));
  }

  async reseal(): Promise<number> {
    const db = this.db();
    const sql = this.sql;
    return db.transaction(() => {
      let changed = 0;
      for (const r of readRows(InstallationRow, TABLE, sql.all.all())) {
        const fresh = resealed(r, this.box);
        if (!fresh) continue;
        sql.tokens.run(fresh.botToken, fresh.botRefreshToken, r.id);
        changed++;
      }
      return changed;
    })();
  }
}
