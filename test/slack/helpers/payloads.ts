// Slack payloads as Slack sends them, trimmed to the fields Bolt and the app read.
import { eventCallback, form, interactive, type SlackPost } from './signed.js';

export const TEAM = 'T0TEAM1';
export const USER = 'U0ALICE';
export const CHANNEL = 'C0GENERAL';
export const BOT_USER = 'U0WHICHBOT';
export const BOT_ID = 'B0WHICHBOT';

// Every request Slack sends is unique (its trigger id, at least), so no two share a signature;
// the server refuses a signed request it has already seen as a replay.
let sent = 0;
const triggerId = (tail: string): string => `${Date.now()}.${++sent}.${tail}`;

export function slashCommand(text: string, responseUrl: string, channel = CHANNEL): SlackPost {
  return form({
    token: 'legacy-verification-token',
    team_id: TEAM,
    team_domain: 'acme',
    channel_id: channel,
    channel_name: 'general',
    user_id: USER,
    user_name: 'alice',
    command: '/whichtool',
    text,
    api_app_id: 'A0APP',
    response_url: responseUrl,
    trigger_id: triggerId('abc'),
  });
}

export interface ButtonSpec {
  readonly actionId: string;
  readonly value: string;
  readonly responseUrl?: string;
  readonly ephemeral?: boolean;
  readonly view?: Record<string, unknown>;
  readonly channel?: string;
}

export function blockAction(b: ButtonSpec): SlackPost {
  const container = b.view
    ? { type: 'view', view_id: b.view.id }
    : { type: 'message', message_ts: '1700000000.000100', channel_id: b.channel ?? CHANNEL, is_ephemeral: b.ephemeral ?? true };
  return interactive({
    type: 'block_actions',
    team: { id: TEAM, domain: 'acme' },
    user: { id: USER, username: 'alice', team_id: TEAM },
    api_app_id: 'A0APP',
    token: 'legacy',
    container,
    trigger_id: triggerId('def'),
    ...(b.view ? { view: b.view } : { channel: { id: b.channel ?? CHANNEL, name: 'general' } }),
    ...(b.responseUrl ? { response_url: b.responseUrl } : {}),
    actions: [
      { type: 'button', action_id: b.actionId, block_id: 'b1', text: { type: 'plain_text', text: 'x' }, value: b.value, action_ts: '1700000001.000' },
    ],
  });
}

export function event(inner: Record<string, unknown>, eventId = `Ev${Math.random().toString(36).slice(2, 10).toUpperCase()}`): SlackPost {
  return eventCallback({
    token: 'legacy',
    team_id: TEAM,
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true }],
    event: inner,
  });
}

export function messageShortcut(text: string, ts = '1700000000.000500'): SlackPost {
  return interactive({
    type: 'message_action',
    callback_id: 'which_tool_for_this',
    trigger_id: triggerId('ghi'),
    team: { id: TEAM, domain: 'acme' },
    user: { id: USER, username: 'alice', team_id: TEAM },
    channel: { id: CHANNEL, name: 'general' },
    message: { type: 'message', user: 'U0BOB', text, ts },
    message_ts: ts,
    response_url: 'http://127.0.0.1:9/unused',
    token: 'legacy',
  });
}

export function viewSubmission(text: string, privateMetadata: string): SlackPost {
  return interactive({
    type: 'view_submission',
    team: { id: TEAM, domain: 'acme' },
    user: { id: USER, username: 'alice', team_id: TEAM },
    api_app_id: 'A0APP',
    token: 'legacy',
    trigger_id: triggerId('jkl'),
    view: {
      id: 'VASK1',
      type: 'modal',
      callback_id: 'which_tool_ask',
      private_metadata: privateMetadata,
      hash: '1700000000.abc',
      team_id: TEAM,
      app_id: 'A0APP',
      bot_id: BOT_ID,
      blocks: [],
      state: { values: { request: { request_text: { type: 'plain_text_input', value: text } } } },
    },
  });
}
