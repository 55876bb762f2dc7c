// Slack installation rows (rows/installation.ts) to and from installations, the same in SQLite and
// Postgres: tokens go through the SecretBox (sealed when a key is set), with the row's key bound into each
// seal so a token cannot be moved between rows, and moves between databases keep it readable.
import { ErrorCode, WhichToolError } from '../core/errors.js';
import { installationKey, type InstallationLookup, type InstallationSummary, type SlackInstallation } from './installation-types.js';
import type { InstallationRowT as InstallationRow } from './rows/installation.js';
import type { SecretBox } from './secret-box.js';

/** The columns in the order both stores write them. */
export const INSTALLATION_COLUMNS = [
  'id', 'team_id', 'team_name', 'enterprise_id', 'enterprise_name', 'enterprise_url', 'is_enterprise_install', 'app_id', 'bot_id',
  'bot_user_id', 'bot_scopes', 'bot_token', 'bot_refresh_token', 'bot_expires_at', 'installer_user_id', 'installed_at', 'updated_at',
] as const;

/** What each sealed field is called in the seal's associated data and in error messages. */
export const sealContext = (id: string, field: 'bot token' | 'refresh token'): string => `Slack installation ${id} ${field}`;

/** The row to store, tokens sealed; throws when the installation names no workspace or organisation. */
export function toInstallationRow(i: SlackInstallation, box: SecretBox, updatedAt: number): InstallationRow & { updated_at: number } {
  const id = installationKey(i);
  if (!id) throw new WhichToolError(ErrorCode.SlackInstallationInvalid, 'a Slack installation needs a team id, or an enterprise id when installed org-wide');
  return {
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
    bot_token: box.seal(i.botToken, sealContext(id, 'bot token')),
    bot_refresh_token: i.botRefreshToken === null ? null : box.seal(i.botRefreshToken, sealContext(id, 'refresh token')),
    bot_expires_at: i.botExpiresAt,
    installer_user_id: i.installerUserId,
    installed_at: i.installedAt.getTime(),
    updated_at: updatedAt,
  };
}

export function fromInstallationRow(r: InstallationRow, box: SecretBox, withSecrets = true): SlackInstallation {
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
    botToken: withSecrets ? box.open(r.bot_token, sealContext(r.id, 'bot token')) : '',
    botRefreshToken: withSecrets && r.bot_refresh_token !== null ? box.open(r.bot_refresh_token, sealContext(r.id, 'refresh token')) : null,
    botExpiresAt: r.bot_expires_at,
    installerUserId: r.installer_user_id,
    installedAt: new Date(r.installed_at),
  };
}

export function summaryOf(r: InstallationRow, box: SecretBox): InstallationSummary {
  const { botToken: _t, botRefreshToken: _r, ...summary } = fromInstallationRow(r, box, false);
  return { key: r.id, ...summary };
}

/** The keys `find` tries, in order: the workspace's own installation, then its organisation's. */
export function candidateKeys(where: InstallationLookup): string[] {
  const keys = where.isEnterpriseInstall
    ? [installationKey(where)]
    : [installationKey({ teamId: where.teamId }), installationKey({ enterpriseId: where.enterpriseId, isEnterpriseInstall: true })];
  return keys.filter((k): k is string => k !== undefined);
}

/**
 * The row's tokens sealed again with the current key, or null when they already are. Opened
 * whether stale or not: a row the keys cannot read fails here, at start-up, rather than on some
 * later request from that workspace.
 */
export function resealed(r: InstallationRow, box: SecretBox): { botToken: string; botRefreshToken: string | null } | null {
  const token = box.open(r.bot_token, sealContext(r.id, 'bot token'));
  const refresh = r.bot_refresh_token === null ? null : box.open(r.bot_refresh_token, sealContext(r.id, 'refresh token'));
  if (!box.isStale(r.bot_token) && (r.bot_refresh_token === null || !box.isStale(r.bot_refresh_token))) return null;
  return {
    botToken: box.seal(token, sealContext(r.id, 'bot token')),
    botRefreshToken: refresh === null ? null : box.seal(refresh, sealContext(r.id, 'refresh token')),
  };
}
