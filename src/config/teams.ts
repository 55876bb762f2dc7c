// The Teams part of the configuration: a complete app registration turns authentication on; half
// of one stops start-up (as Slack's does) rather than running with a door open. Without any
// credentials the endpoint runs in local mode for the Agents Playground, or is off.
import { ErrorCode, WhichToolError } from '../core/errors.js';
import type { Env, TeamsConfig, TeamsMode } from './config.js';

const refuse = (message: string): never => {
  throw new WhichToolError(ErrorCode.ConfigInvalid, `configuration: ${message}`);
};

export const TEAMS_NOTICE: Readonly<Record<TeamsMode, string>> = {
  authenticated: 'Teams is on: /api/messages requires Bot Framework tokens.',
  local:
    'Teams runs in local mode for the Agents Playground and the Bot Framework Emulator: /api/messages is unauthenticated, answers this machine only and replies only to loopback service URLs. Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to connect Teams.',
  off: 'Teams is off (no /api/messages): set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to connect it, or WHICH_TOOL_TEAMS_LOCAL=1 for the Agents Playground (see README).',
};

function checkComplete(e: Env): void {
  const id = e.MICROSOFT_APP_ID;
  if (!id) {
    if (e.MICROSOFT_APP_PASSWORD) refuse('MICROSOFT_APP_ID is required when MICROSOFT_APP_PASSWORD is set');
    if (e.MICROSOFT_APP_TENANT_ID) refuse('MICROSOFT_APP_ID is required when MICROSOFT_APP_TENANT_ID is set');
    return;
  }
  if (e.MICROSOFT_APP_TYPE === 'UserAssignedMSI') {
    if (!e.MICROSOFT_APP_TENANT_ID) refuse('MICROSOFT_APP_TENANT_ID is required when MICROSOFT_APP_TYPE is UserAssignedMSI');
    return;
  }
  if (!e.MICROSOFT_APP_PASSWORD) refuse('MICROSOFT_APP_PASSWORD is required when MICROSOFT_APP_ID is set');
  if (e.MICROSOFT_APP_TYPE === 'SingleTenant' && !e.MICROSOFT_APP_TENANT_ID) refuse('MICROSOFT_APP_TENANT_ID is required when MICROSOFT_APP_TYPE is SingleTenant');
}

function modeOf(e: Env, slackOn: boolean): TeamsMode {
  if (e.MICROSOFT_APP_ID) {
    if (e.WHICH_TOOL_TEAMS_LOCAL === '1') refuse('WHICH_TOOL_TEAMS_LOCAL=1 is for running without Teams credentials; unset it or MICROSOFT_APP_ID');
    return 'authenticated';
  }
  if (e.WHICH_TOOL_TEAMS_LOCAL === '1') return 'local';
  if (e.WHICH_TOOL_TEAMS_LOCAL === '0') return 'off';
  // No platform at all is the try-out of `npm run up`; once Slack is connected, local mode is asked for.
  return slackOn ? 'off' : 'local';
}

export function teamsConfig(e: Env, slackOn: boolean): TeamsConfig {
  checkComplete(e);
  return {
    mode: modeOf(e, slackOn),
    appType: e.MICROSOFT_APP_TYPE,
    ...(e.MICROSOFT_APP_ID ? { appId: e.MICROSOFT_APP_ID } : {}),
    ...(e.MICROSOFT_APP_PASSWORD ? { appPassword: e.MICROSOFT_APP_PASSWORD } : {}),
    ...(e.MICROSOFT_APP_TENANT_ID ? { tenantId: e.MICROSOFT_APP_TENANT_ID } : {}),
    extraServiceHosts: (e.WHICH_TOOL_TEAMS_SERVICE_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
    loginUrl: e.MICROSOFT_LOGIN_URL.endsWith('/') ? e.MICROSOFT_LOGIN_URL : `${e.MICROSOFT_LOGIN_URL}/`,
    oauthScope: e.MICROSOFT_OAUTH_SCOPE.replace(/\/+$/, ''),
    ...(e.MICROSOFT_OPENID_METADATA_URL ? { openIdMetadataUrl: e.MICROSOFT_OPENID_METADATA_URL } : {}),
  };
}
