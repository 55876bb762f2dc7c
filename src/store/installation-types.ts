// Slack installations, one per workspace or per Enterprise Grid organisation installed
// org-wide, behind one interface: SQLite by default, a server database for several replicas.
// Asynchronous, unlike the older store interfaces: Bolt awaits it anyway, and a networked
// database can implement it without blocking.

export interface SlackInstallation {
  /** Null for an org-wide install: it covers every workspace of the organisation. */
  readonly teamId: string | null;
  readonly teamName: string | null;
  readonly enterpriseId: string | null;
  readonly enterpriseName: string | null;
  /** The organisation's Slack URL (org-wide installs), for the admin page after installing. */
  readonly enterpriseUrl: string | null;
  readonly isEnterpriseInstall: boolean;
  readonly appId: string | null;
  readonly botId: string;
  readonly botUserId: string;
  readonly botScopes: readonly string[];
  readonly botToken: string;
  /** With token rotation: the refresh token and the bot token's expiry (Unix seconds). */
  readonly botRefreshToken: string | null;
  readonly botExpiresAt: number | null;
  /** Who installed it; user tokens are never kept (the app asks for no user scopes). */
  readonly installerUserId: string | null;
  readonly installedAt: Date;
}

/** The installation without its secrets: for listings and logs. */
export type InstallationSummary = Omit<SlackInstallation, 'botToken' | 'botRefreshToken'> & { readonly key: string };

export interface InstallationLookup {
  readonly teamId?: string | null | undefined;
  readonly enterpriseId?: string | null | undefined;
  /** True: the org-wide install of `enterpriseId` only. */
  readonly isEnterpriseInstall?: boolean | undefined;
}

export interface SlackInstallationStore {
  /** Creates or replaces the installation of its workspace (or organisation). */
  save(installation: SlackInstallation): Promise<void>;
  /**
   * The installation that serves a workspace: with `isEnterpriseInstall`, the organisation's;
   * otherwise the workspace's own, else its organisation's org-wide one (a Grid workspace may
   * have either).
   */
  find(where: InstallationLookup): Promise<SlackInstallation | undefined>;
  /** Which installation `find` would return, by key, without reading its secrets. */
  locate(where: InstallationLookup): Promise<string | undefined>;
  /** Removes exactly the one named (no fallback): the organisation's, or the workspace's own. */
  remove(where: InstallationLookup): Promise<boolean>;
  list(): Promise<InstallationSummary[]>;
  /**
   * Reads every installation's secrets (throws when the keys cannot open one) and seals again
   * those not sealed with the current key, after a key was set or rotated; returns rows changed.
   */
  reseal(): Promise<number>;
}

/** One key per installation: the organisation's for org-wide installs, else the workspace's. */
export function installationKey(where: InstallationLookup): string | undefined {
  if (where.isEnterpriseInstall) return where.enterpriseId ? `E:${where.enterpriseId}` : undefined;
  return where.teamId ? `T:${where.teamId}` : undefined;
}
