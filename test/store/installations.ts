// Slack installation records for store tests.
import type { SlackInstallation } from '../../src/store/installation-types.js';

export function installation(teamId: string, overrides: Partial<SlackInstallation> = {}): SlackInstallation {
  return {
    teamId,
    teamName: `Team ${teamId}`,
    enterpriseId: null,
    enterpriseName: null,
    enterpriseUrl: null,
    isEnterpriseInstall: false,
    appId: 'A0WHICHTOOL',
    botId: `B${teamId}`,
    botUserId: `U${teamId}`,
    botScopes: ['chat:write', 'commands'],
    botToken: `xoxb-${teamId}-token`,
    botRefreshToken: null,
    botExpiresAt: null,
    installerUserId: 'U0INSTALLER',
    installedAt: new Date('2026-11-30T12:00:00Z'),
    ...overrides,
  };
}

export function orgInstallation(enterpriseId: string, overrides: Partial<SlackInstallation> = {}): SlackInstallation {
  return installation('', {
    teamId: null,
    teamName: null,
    enterpriseId,
    enterpriseName: `Org ${enterpriseId}`,
    enterpriseUrl: `https://${enterpriseId.toLowerCase()}.enterprise.slack.com/`,
    isEnterpriseInstall: true,
    botId: `B${enterpriseId}`,
    botUserId: `U${enterpriseId}`,
    botToken: `xoxb-${enterpriseId}-token`,
    ...overrides,
  });
}
