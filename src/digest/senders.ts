// Builds the platform senders from the configuration: Slack when its token is set (or, in OAuth
// mode, from each workspace's installation), Teams unless it is off (conversation references
// come from the store; the token only when an app is configured).
import type { Config } from '../config/config.js';
import type { ConversationRefs } from '../store/types.js';
import type { PaceLimit } from './pacer.js';
import { serviceUrlPolicy } from '../teams/service-url.js';
import { PlatformSenders } from './sender.js';
import { SlackSender, type SlackTokenSource } from './slack-sender.js';
import { TeamsSender } from './teams-sender.js';
import { teamsTokenSource } from '../teams/bot-token.js';

export interface SenderTuning {
  readonly slackWorkspacePace?: PaceLimit;
  readonly fetch?: typeof fetch;
  /** OAuth mode: each workspace's token, from its installation. */
  readonly slackTokens?: SlackTokenSource;
}

export function platformSenders(config: Pick<Config, 'slack' | 'slackOAuth' | 'teams'>, refs: ConversationRefs, tuning: SenderTuning = {}): PlatformSenders {
  const token = teamsTokenSource(config.teams, tuning.fetch);
  return new PlatformSenders({
    ...(config.slack || (config.slackOAuth && tuning.slackTokens)
      ? {
          slack: new SlackSender({
            apiUrl: (config.slack ?? config.slackOAuth)!.apiUrl,
            ...(config.slack ? { botToken: config.slack.botToken } : { tokens: tuning.slackTokens! }),
            ...(tuning.slackWorkspacePace ? { workspacePace: tuning.slackWorkspacePace } : {}),
            ...(tuning.fetch ? { fetch: tuning.fetch } : {}),
          }),
        }
      : {}),
    ...(config.teams.mode === 'off'
      ? {}
      : { teams: new TeamsSender({ refs, policy: serviceUrlPolicy(config.teams), ...(token ? { token } : {}), ...(tuning.fetch ? { fetch: tuning.fetch } : {}) }) }),
  });
}
