// The bot's own bearer token, for its replies and its digests: the Bot Framework's client-credentials flow
// (POST <login>/<tenant>/oauth2/v2.0/token with the app id and password, scope
// <botframework>/.default), cached until shortly before it expires. The login base comes from
// the configuration (MICROSOFT_LOGIN_URL: a sovereign cloud, or a test's stand-in on this
// machine), so every call the bot makes is configured in one place. With no password (local
// mode, or a managed identity, which botbuilder's own credentials serve) there is none here.
import type { TeamsConfig } from '../config/config.js';

/** A token is renewed this long before it expires, so one never runs out mid-send. */
const EARLY_MS = 5 * 60_000;

export function teamsTokenSource(config: TeamsConfig, fetchFn: typeof fetch = fetch): (() => Promise<string>) | undefined {
  if (config.mode !== 'authenticated' || !config.appId || !config.appPassword) return undefined;
  const url = `${config.loginUrl}${encodeURIComponent(config.appType === 'SingleTenant' && config.tenantId ? config.tenantId : 'botframework.com')}/oauth2/v2.0/token`;
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: config.appId, client_secret: config.appPassword, scope: `${config.oauthScope}/.default` }).toString();
  let cached: { token: string; until: number } | undefined;
  let pending: Promise<string> | undefined;
  const fetchToken = async (): Promise<string> => {
    const res = await fetchFn(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form, signal: AbortSignal.timeout(15_000) });
    const json = (await res.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
    if (!res.ok || typeof json?.access_token !== 'string') throw new Error(`the Microsoft identity platform refused the bot's credentials (HTTP ${res.status})`);
    const seconds = Number(json.expires_in) || 3600;
    cached = { token: json.access_token, until: Date.now() + seconds * 1000 - EARLY_MS };
    return json.access_token;
  };
  return async () => {
    if (cached && Date.now() < cached.until) return cached.token;
    pending ??= fetchToken().finally(() => (pending = undefined));
    return pending;
  };
}
