// What a newcomer sees after `npm start` with no credentials: how to try the bot right away and
// how to connect the real platforms. Plain text on stderr, so stdout stays a clean JSON log.
import type { Config } from '../config/config.js';

export function welcomeText(url: string, config: Config): string | null {
  const slackOff = !config.slack && !config.slackOAuth;
  const teamsLocal = config.teams.mode === 'local';
  const teamsOff = config.teams.mode === 'off';
  if (!slackOff && !teamsLocal && !teamsOff) return null;
  const lines = [
    '',
    `Which Tool is running on ${url}${slackOff && teamsLocal ? ' in local mode (no credentials set)' : ''}.`,
    '',
    'Try it now:',
    '  npx which-tool ask "300 product shots a month for the shop"',
  ];
  if (teamsLocal) {
    lines.push(
      `  TEAMSAPPTESTER_BROWSER=none npx agentsplayground -e ${url}/api/messages -c msteams --dt`,
      '      then open http://localhost:56150 for a Teams-like chat with the bot (Microsoft 365 Agents Playground)',
    );
  }
  lines.push('', 'Connect:');
  if (slackOff) lines.push('  Slack: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (README, "Connecting Slack"; manifests/slack/)');
  if (teamsLocal || teamsOff) lines.push('  Teams: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (README, "Connecting Teams"; npm run package:teams)');
  if (teamsOff) lines.push('  Agents Playground: WHICH_TOOL_TEAMS_LOCAL=1 serves /api/messages to this machine only, without credentials');
  lines.push('');
  return lines.join('\n');
}
