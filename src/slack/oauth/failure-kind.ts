// Which failure page a failed install callback gets. @slack/oauth hands over coded errors; the
// codes are spelled out here because Bolt does not re-export that package's enum.
import type { FailureKind } from './pages.js';

const STATE = new Set(['slack_oauth_missing_state', 'slack_oauth_invalid_state']);
/** oauth.v2.access errors that are the server's settings, not the person's link. */
const SETTINGS = new Set(['invalid_client_id', 'bad_client_secret', 'invalid_client', 'bad_redirect_uri', 'oauth_authorization_url_mismatch', 'invalid_team_for_non_distributed_app']);

export function failureKind(error: { code?: string; data?: { error?: string } }): FailureKind {
  if (error.code && STATE.has(error.code)) return 'state';
  // The only authorization error of the callback: the person pressed "Cancel" on Slack's page.
  if (error.code === 'slack_oauth_installer_authorization_error') return 'cancelled';
  if (error.code === 'slack_oauth_missing_code') return 'refused';
  if (error.code === 'slack_webapi_platform_error') return SETTINGS.has(error.data?.error ?? '') ? 'misconfigured' : 'refused';
  return 'internal';
}
