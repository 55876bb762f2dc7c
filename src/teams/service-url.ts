// Where the bot may send to, and with what. A serviceUrl comes inside the activity, so without
// authentication anyone can name one: in local mode the bot only replies to this machine, and
// the bot's own Bot Framework token is only ever attached for https hosts of the Bot Framework's
// Teams connector (public and US government clouds, plus WHICH_TOOL_TEAMS_SERVICE_HOSTS).
import type { TeamsConfig, TeamsMode } from '../config/config.js';

/** The Teams connector's hosts: smba.trafficmanager.net (public) and the GCC, GCC High and DoD clouds. */
export const BOT_FRAMEWORK_HOSTS: readonly string[] = [
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
];

/** Exactly these spellings: the Agents Playground and the Emulator use them. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type Destination = { readonly ok: true; readonly token: boolean } | { readonly ok: false; readonly reason: string };

export interface ServiceUrlPolicy {
  readonly mode: TeamsMode;
  /** Whether the bot may post to `serviceUrl`, and whether its token may go with it. */
  check(serviceUrl: string): Destination;
}

const parse = (url: string): URL | undefined => {
  try {
    const u = new URL(url);
    return u.username || u.password ? undefined : u;
  } catch {
    return undefined;
  }
};

export const isLoopbackServiceUrl = (url: string): boolean => {
  const u = parse(url);
  return Boolean(u && (u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK_HOSTS.has(u.hostname));
};

export function serviceUrlPolicy(config: Pick<TeamsConfig, 'mode' | 'extraServiceHosts'>): ServiceUrlPolicy {
  const trusted = new Set([...BOT_FRAMEWORK_HOSTS, ...config.extraServiceHosts]);
  return {
    mode: config.mode,
    check(serviceUrl) {
      if (config.mode === 'off') return { ok: false, reason: 'Teams is off here' };
      if (config.mode === 'local') return isLoopbackServiceUrl(serviceUrl) ? { ok: true, token: false } : { ok: false, reason: 'local mode replies only to service URLs on this machine' };
      const u = parse(serviceUrl);
      if (u?.protocol === 'https:' && trusted.has(u.hostname)) return { ok: true, token: true };
      return { ok: false, reason: 'not a Bot Framework service URL (an operator can add its host to WHICH_TOOL_TEAMS_SERVICE_HOSTS)' };
    },
  };
}
