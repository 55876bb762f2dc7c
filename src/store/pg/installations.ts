// Slack installations on Postgres: the same rows and sealed tokens as SQLite
// (installation-rows.ts), shared by every replica.
import { candidateKeys, fromInstallationRow, INSTALLATION_COLUMNS, resealed, summaryOf, toInstallationRow } from '../installation-rows.js';
import { InstallationRow } from '../rows/installation.js';
import { readRow, readRows } from '../rows/read-row.js';
import { installationKey, type InstallationLookup, type InstallationSummary, type SlackInstallation, type SlackInstallationStore } from '../installation-types.js';
import type { SecretBox } from '../secret-box.js';
import type { PgLink } from './link.js';

const TABLE = 'slack_installations';
const InstallationId = InstallationRow.pick({ id: true }).transform((r) => r.id);

const UPSERT = `INSERT INTO slack_installations (${INSTALLATION_COLUMNS.join(', ')})
  VALUES (${INSTALLATION_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
  ON CONFLICT (id) DO UPDATE SET ${INSTALLATION_COLUMNS.filter((c) => c !== 'id' && c !== 'installed_at').map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;

export class PgInstallationStore implements SlackInstallationStore {
  constructor(
    private readonly link: PgLink,
    private readonly box: SecretBox,
    private readonly now: () => number = Date.now,
  ) {}

  async save(i: SlackInstallation): Promise<void> {
    const row = toInstallationRow(i, this.box, this.now());
    await this.link.run((pool) => pool.query(UPSERT, INSTALLATION_COLUMNS.map((c) => row[c])));
  }

  async find(where: InstallationLookup): Promise<SlackInstallation | undefined> {
    const found = await this.first(where, '*');
    return found && fromInstallationRow(readRow(InstallationRow, TABLE, found.row), this.box);
  }

  async locate(where: InstallationLookup): Promise<string | undefined> {
    return (await this.first(where, 'id'))?.id;
  }

  async remove(where: InstallationLookup): Promise<boolean> {
    const id = installationKey(where);
    if (!id) return false;
    return this.link.run(async (pool) => ((await pool.query('DELETE FROM slack_installations WHERE id = $1', [id])).rowCount ?? 0) > 0);
  }

  async list(): Promise<InstallationSummary[]> {
    const rows = await this.link.run(async (pool) => (await pool.query('SELECT * FROM slack_installations ORDER BY installed_at, id')).rows);
    return readRows(InstallationRow, TABLE, rows).map((r) => summaryOf(r, this.box));
  }

  async reseal(): Promise<number> {
    // Row locks: replicas starting together with a new key reseal each row once.
    return this.link.tx(async (c) => {
      let changed = 0;
      for (const r of readRows(InstallationRow, TABLE, (await c.query('SELECT * FROM slack_installations ORDER BY id FOR UPDATE')).rows)) {
        const fresh = resealed(r, this.box);
        if (!fresh) continue;
        await c.query('UPDATE slack_installations SET bot_token = $1, bot_refresh_token = $2 WHERE id = $3', [fresh.botToken, fresh.botRefreshToken, r.id]);
        changed++;
      }
      return changed;
    });
  }

  /** The first candidate row that exists, in `find`'s order (the workspace's own, then its organisation's), by its id. */
  private async first(where: InstallationLookup, columns: '*' | 'id'): Promise<{ id: string; row: unknown } | undefined> {
    const keys = candidateKeys(where);
    if (!keys.length) return undefined;
    const { rows } = await this.link.run((pool) => pool.query(`SELECT ${columns} FROM slack_installations WHERE id = ANY($1)`, [keys]));
    const byId = new Map(rows.map((row: unknown) => [readRow(InstallationId, TABLE, row), row]));
    const id = keys.find((k) => byId.has(k));
    return id === undefined ? undefined : { id, row: byId.get(id) };
  }
}
