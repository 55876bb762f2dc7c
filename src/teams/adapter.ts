// The Bot Framework transport: a CloudAdapter authenticated from our config (never process.env).
// Everything botbuilder-specific stays in src/teams, so moving to the Agents SDK touches one folder.
import {
  type Activity,
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type InvokeResponse,
  type ResourceResponse,
  type TurnContext,
} from 'botbuilder';
import type { TeamsConfig } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import { noticeCard } from '../render/answer-card.js';
import { cardMessage } from './attachments.js';
import { ConnectorRest, type RequestSigner } from './connector-rest.js';
import { turnLog } from './turn-log.js';

/**
 * CloudAdapter.process() console.errors every refused request (an open door to flooding stderr
 * with stack traces); this exposes the turn itself so the surface reports refusals its own way.
 */
export class TeamsAdapter extends CloudAdapter {
  handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }

  // Replies and updates go out over plain fetch (connector-rest.ts); delays, invoke responses and
  // traces have no REST call and keep the SDK's own handling.
  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    if (!activities.some(isRestCall)) return super.sendActivities(context, activities);
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (!isRestCall(activity)) {
        responses.push(...(await super.sendActivities(context, [activity])));
        continue;
      }
      delete activity.id;
      const response = await this.rest(context, activity).send(activity.conversation!.id, activity);
      responses.push(response ?? { id: '' });
    }
    return responses;
  }

  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    const response = await this.rest(context, activity).update(activity.conversation!.id, activity.id!, activity);
    return response?.id ? { id: response.id } : undefined;
  }

  /** The turn's ConnectorClient carries the credentials botbuilder chose for this caller (audience, tenant). */
  private rest(context: TurnContext, activity: Partial<Activity>): ConnectorRest {
    const client = context.turnState.get<{ credentials?: RequestSigner } | undefined>(this.ConnectorClientKey);
    if (!client) throw new Error('Unable to extract ConnectorClient from turn context.');
    return new ConnectorRest(activity.serviceUrl ?? context.activity.serviceUrl, client.credentials);
  }
}

function isRestCall(activity: Partial<Activity>): boolean {
  if (activity.type === 'delay' || activity.type === ActivityTypes.InvokeResponse) return false;
  return !(activity.type === ActivityTypes.Trace && activity.channelId !== 'emulator');
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
    turnLog(log, context).error({ err: error, activity: context.activity.type }, 'teams turn failed');
    // Invokes answer through their own response; a message gets a polite card instead of silence.
    if (context.activity.type !== 'message') return;
    await context.sendActivity(cardMessage(noticeCard('Sorry, something went wrong', 'I could not answer that just now. Please try again in a moment.')));
  };
  return adapter;
}
