// Signed Slack payloads from a given workspace, or from a workspace of a Grid organisation that
// installed the app org-wide, shaped as Slack shapes them for each case (team, enterprise,
// authorizations[0], is_enterprise_install).
import type { StandInWorkspace } from './stand-in-oauth.js';
import { APP_ID } from './stand-in-oauth.js';
import { eventCallback, form, interactive, type SlackPost } from './signed.js';

/** Where a request comes from: a workspace, and for Grid its organisation. */
export interface From {
  readonly team: string;
  readonly enterprise?: string;
  /** The app is installed for the whole organisation, not this workspace alone. */
  readonly orgWide?: boolean;
  readonly botUserId: string;
  readonly user?: string;
}

/** A workspace of `ws` (the workspace itself, or for an org-wide install one of its teams). */
export const from = (ws: StandInWorkspace, team = ws.teamId!, user = 'U0ALICE'): From => ({
  team,
  ...(ws.enterpriseId ? { enterprise: ws.enterpriseId } : {}),
  ...(ws.orgWide ? { orgWide: true } : {}),
  botUserId: ws.botUserId,
  user,
});

export function commandFrom(f: From, text: string, responseUrl: string, channel = 'C0GENERAL'): SlackPost {
  return form({
    token: 'legacy',
    team_id: f.team,
    team_domain: f.team.toLowerCase(),
    ...(f.enterprise ? { enterprise_id: f.enterprise, enterprise_name: f.enterprise } : {}),
    is_enterprise_install: String(Boolean(f.orgWide)),
    channel_id: channel,
    channel_name: 'general',
    user_id: f.user ?? 'U0ALICE',
    user_name: 'alice',
    command: '/whichtool',
    text,
    api_app_id: APP_ID,
    response_url: responseUrl,
    trigger_id: '123.456.abc',
  });
}

let events = 0;

export function eventFrom(f: From, inner: Record<string, unknown>): SlackPost {
  return eventCallback({
    token: 'legacy',
    team_id: f.team,
    ...(f.enterprise ? { enterprise_id: f.enterprise } : {}),
    api_app_id: APP_ID,
    type: 'event_callback',
    event_id: `Ev${(++events).toString(36).toUpperCase()}${Date.now().toString(36).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { enterprise_id: f.enterprise ?? null, team_id: f.orgWide ? null : f.team, user_id: f.botUserId, is_bot: true, is_enterprise_install: Boolean(f.orgWide) },
    ],
    is_ext_shared_channel: false,
    event: inner,
  });
}

export const mentionFrom = (f: From, text: string, channel = 'C0GENERAL'): SlackPost =>
  eventFrom(f, { type: 'app_mention', user: f.user ?? 'U0ALICE', text: `<@${f.botUserId}> ${text}`, ts: '1700000000.000100', channel, event_ts: '1700000000.000100', team: f.team });

export const homeOpenedFrom = (f: From): SlackPost => eventFrom(f, { type: 'app_home_opened', user: f.user ?? 'U0ALICE', channel: 'D0HOME', tab: 'home', event_ts: '1700000000.000200' });

export const uninstalledFrom = (f: From): SlackPost => eventFrom(f, { type: 'app_uninstalled', event_ts: '1700000000.000300' });

export const tokensRevokedFrom = (f: From, kinds: { bot?: boolean; user?: boolean } = { bot: true }): SlackPost =>
  eventFrom(f, { type: 'tokens_revoked', tokens: { oauth: kinds.user ? ['U0ALICE'] : [], bot: kinds.bot ? [f.botUserId] : [] }, event_ts: '1700000000.000400' });

export function buttonFrom(f: From, actionId: string, value: string, responseUrl: string, channel = 'C0GENERAL'): SlackPost {
  return interactive({
    type: 'block_actions',
    team: f.orgWide ? null : { id: f.team, domain: f.team.toLowerCase(), ...(f.enterprise ? { enterprise_id: f.enterprise } : {}) },
    ...(f.enterprise ? { enterprise: { id: f.enterprise, name: f.enterprise } } : {}),
    is_enterprise_install: Boolean(f.orgWide),
    user: { id: f.user ?? 'U0ALICE', username: 'alice', team_id: f.team },
    api_app_id: APP_ID,
    token: 'legacy',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: channel, is_ephemeral: true },
    trigger_id: '123.456.def',
    channel: { id: channel, name: 'general' },
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', text: { type: 'plain_text', text: 'x' }, value, action_ts: '1700000001.000' }],
  });
}
