// The bearer token for proactive Teams messages, from the Bot Framework's own credentials class
// (botframework-connector, installed with botbuilder at the same version): it fetches and caches
// the app's token. With no app id there is no token: local tools only, as for the endpoint.
import type { TeamsConfig } from '../config/config.js';

export function teamsTokenSource(config: TeamsConfig): (() => Promise<string | undefined>) | undefined {
  if (!config.appId || !config.appPassword) return undefined;
  const { appId, appPassword, tenantId } = config;
  let credentials: Promise<{ getToken(): Promise<string> }> | undefined;
  return async () => {
    credentials ??= import('botframework-connector').then((m) => new m.MicrosoftAppCredentials(appId, appPassword, tenantId));
    return (await credentials).getToken();
  };
}
