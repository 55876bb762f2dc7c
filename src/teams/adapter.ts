// The Bot Framework transport: a CloudAdapter authenticated from our config (never process.env).
// Everything botbuilder-specific stays in src/teams, so moving to the Agents SDK touches one folder.
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { TeamsConfig } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import { noticeCard } from '../render/answer-card.js';
import { cardMessage } from './attachments.js';

/**
 * CloudAdapter.process() console.errors every refused request (an open door to flooding stderr
 * with stack traces); this exposes the turn itself so the surface reports refusals its own way.
 */
export class TeamsAdapter extends CloudAdapter {
  handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export function createAdapter(config: TeamsConfig, log: Logger): TeamsAdapter {
  const settings = {
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId ?? '',
  };
  // An empty app id switches authentication off: the Agents Playground and the Emulator send no token.
  const credentials = new ConfigurationServiceClientCredentialFactory(config.appId ? settings : {});
  const auth = new ConfigurationBotFrameworkAuthentication(config.appId ? settings : {}, credentials);
  const adapter = new TeamsAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error({ err: error, activity: context.activity.type }, 'teams turn failed');
    // Invokes answer through their own response; a message gets a polite card instead of silence.
    if (context.activity.type !== 'message') return;
    await context.sendActivity(cardMessage(noticeCard('Sorry, something went wrong', 'I could not answer that just now. Please try again in a moment.')));
  };
  return adapter;
}
