// Bolt's (and @slack/oauth's) InstallationStore on top of ours: converts their Installation to
// the record we keep and back. User tokens are dropped: the app asks for no user scopes, and a
// token it never uses is a token that cannot leak.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { ErrorCode, WhichToolError } from '../../core/errors.js';
import type { InstallationLookup, SlackInstallation, SlackInstallationStore } from '../../store/installation-types.js';

export function fromBolt(i: Installation, installedAt: Date): SlackInstallation {
  if (!i.bot) throw new WhichToolError(ErrorCode.SlackInstallationInvalid, 'Slack sent an installation without a bot token: the app must ask for bot scopes');
  return {
    teamId: i.isEnterpriseInstall ? null : (i.team?.id ?? null),
    teamName: i.team?.name ?? null,
    enterpriseId: i.enterprise?.id ?? null,
    enterpriseName: i.enterprise?.name ?? null,
    enterpriseUrl: i.enterpriseUrl ?? null,
    isEnterpriseInstall: Boolean(i.isEnterpriseInstall),
    appId: i.appId ?? null,
    botId: i.bot.id,
    botUserId: i.bot.userId,
    botScopes: i.bot.scopes,
    botToken: i.bot.token,
    botRefreshToken: i.bot.refreshToken ?? null,
    botExpiresAt: i.bot.expiresAt ?? null,
    installerUserId: i.user?.id ?? null,
    installedAt,
  };
}

export function toBolt(r: SlackInstallation): Installation {
  return {
    // authVersion 'v2' is what lets @slack/oauth refresh a rotating token.
    authVersion: 'v2',
    tokenType: 'bot',
    isEnterpriseInstall: r.isEnterpriseInstall,
    team: r.teamId ? { id: r.teamId, ...(r.teamName ? { name: r.teamName } : {}) } : undefined,
    enterprise: r.enterpriseId ? { id: r.enterpriseId, ...(r.enterpriseName ? { name: r.enterpriseName } : {}) } : undefined,
    ...(r.enterpriseUrl ? { enterpriseUrl: r.enterpriseUrl } : {}),
    ...(r.appId ? { appId: r.appId } : {}),
    user: { id: r.installerUserId ?? '', token: undefined, scopes: undefined },
    bot: {
      id: r.botId,
      userId: r.botUserId,
      scopes: [...r.botScopes],
      token: r.botToken,
      ...(r.botRefreshToken ? { refreshToken: r.botRefreshToken } : {}),
      ...(r.botExpiresAt !== null ? { expiresAt: r.botExpiresAt } : {}),
    },
  } as Installation;
}

const lookup = (q: InstallationQuery<boolean>): InstallationLookup => ({ teamId: q.teamId, enterpriseId: q.enterpriseId, isEnterpriseInstall: q.isEnterpriseInstall });

export const describeWorkspace = (w: InstallationLookup): string =>
  w.isEnterpriseInstall ? `organisation ${w.enterpriseId ?? '?'}` : `workspace ${w.teamId ?? '?'}${w.enterpriseId ? ` (organisation ${w.enterpriseId})` : ''}`;

export function boltInstallationStore(store: SlackInstallationStore, now: () => Date = () => new Date()): InstallationStore {
  return {
    storeInstallation: (i) => store.save(fromBolt(i as Installation, now())),
    async fetchInstallation(q) {
      const found = await store.find(lookup(q));
      // Bolt expects a throw; nothing is then answered, and no other installation's token is tried.
      if (!found) throw new WhichToolError(ErrorCode.SlackNotInstalled, `Which Tool is not installed in ${describeWorkspace(lookup(q))}`);
      return toBolt(found);
    },
    async deleteInstallation(q) {
      await store.remove(lookup(q));
    },
  };
}
