// The Bot Framework transport: a CloudAdapter authenticated from our config (never process.env).
// Everything botbuilder-specific stays in src/teams, so moving to the Agents SDK touches one folder.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { TeamsConfig } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import { noticeCard } from '../render/answer-card.js';
import { cardMessage } from './attachments.js';

export function createAdapter(config: TeamsConfig, log: Logger): CloudAdapter {
  const settings = {
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId ?? '',
  };
  // An empty app id switches authentication off: the Agents Playground and the Emulator send no token.
  const credentials = new ConfigurationServiceClientCredentialFactory(config.appId ? settings : {});
  const auth = new ConfigurationBotFrameworkAuthentication(config.appId ? settings : {}, credentials);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error({ err: error, activity: context.activity.type }, 'teams turn failed');
    // Invokes answer through their own response; a message gets a polite card instead of silence.
    if (context.activity.type !== 'message') return;
    await context.sendActivity(cardMessage(noticeCard('Sorry, something went wrong', 'I could not answer that just now. Please try again in a moment.')));
  };
  return adapter;
}
