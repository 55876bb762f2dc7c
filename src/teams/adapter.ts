// The Bot Framework transport: a CloudAdapter authenticated from our config (never process.env).
// Everything botbuilder-specific stays in src/teams, so moving to the Agents SDK touches one folder.
import {
  type Activity,
  ActivityTypes,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type InvokeResponse,
  type ResourceResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { TeamsConfig } from '../config/config.js';
import { ErrorCode, WhichToolError } from '../core/errors.js';
import type { Logger } from '../log/logger.js';
import { noticeCard } from '../render/answer-card.js';
import { cardMessage } from './attachments.js';
import { ConnectorRest, connectorUnreachable, type RequestSigner } from './connector-rest.js';
import type { ServiceUrlPolicy } from './service-url.js';
import { turnLog } from './turn-log.js';

/** The request's credentials were refused, or could not be checked: a 401, whatever the cause. */
export class TeamsUnauthorizedError extends WhichToolError {
  constructor(readonly refusal: unknown) {
    super(ErrorCode.TeamsUnauthorized, 'Bot Framework authentication failed');
    this.name = 'TeamsUnauthorizedError';
  }
}

/**
 * CloudAdapter.process() console.errors every refused request (an open door to flooding stderr
 * with stack traces); this exposes the turn itself so the surface reports refusals its own way.
 */
export class TeamsAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly policy: ServiceUrlPolicy,
    /** The bot's own token (bot-token.ts); without one, the turn's credentials sign (a managed identity). */
    private readonly token?: () => Promise<string>,
  ) {
    super(auth);
  }

  /**
   * Authenticates first, on its own: any failure there (a forged or malformed token, signing keys
   * that cannot be fetched) is the caller's 401, never a 500; only then does the turn run.
   */
  async handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    let authenticated;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (err) {
      throw new TeamsUnauthorizedError(err);
    }
    return this.processActivity(authenticated, activity, logic);
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

  /**
   * The sender as a member of the conversation (role, tenant), or of another one the bot is in
   * (a team named in WHICH_TOOL_OWNERS); undefined when not a member or the connector cannot say.
   */
  async member(context: TurnContext, conversationId?: string): Promise<Record<string, unknown> | undefined> {
    const { conversation, from } = context.activity;
    const where = conversationId ?? conversation?.id?.split(';')[0];
    if (!where || !from?.id) return undefined;
    return this.rest(context, context.activity).member(where, from.id).catch(() => undefined);
  }

  private rest(context: TurnContext, activity: Partial<Activity>): ConnectorRest {
    return new ConnectorRest(activity.serviceUrl ?? context.activity.serviceUrl, this.signer(context), this.policy);
  }

  private signer(context: TurnContext): RequestSigner | undefined {
    const token = this.token;
    if (token) return { signRequest: async (request) => request.headers.set('authorization', `Bearer ${await token()}`) };
    // A managed identity: the turn's ConnectorClient carries the credentials botbuilder chose for it.
    const client = context.turnState.get<{ credentials?: RequestSigner } | undefined>(this.ConnectorClientKey);
    if (!client) throw new Error('Unable to extract ConnectorClient from turn context.');
    return client.credentials;
  }
}

function isRestCall(activity: Partial<Activity>): boolean {
  if (activity.type === 'delay' || activity.type === ActivityTypes.InvokeResponse) return false;
  return !(activity.type === ActivityTypes.Trace && activity.channelId !== 'emulator');
}

/** botbuilder's public-cloud settings, with the signing keys' address replaced (a sovereign cloud, a test's stand-in). */
const publicCloudWithKeysAt = (openIdMetadataUrl: string) => ({
  ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
  ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
  ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
  OAuthUrl: AuthenticationConstants.OAuthUrl,
  ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
  ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
  CallerId: CallerIdConstants.PublicAzureChannel,
  ValidateAuthority: true,
});

export function createAdapter(config: TeamsConfig, log: Logger, policy: ServiceUrlPolicy, token?: () => Promise<string>): TeamsAdapter {
  const authenticated = config.mode === 'authenticated';
  const settings = {
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId ?? '',
    ...(config.openIdMetadataUrl ? publicCloudWithKeysAt(config.openIdMetadataUrl) : {}),
  };
  // No app id switches authentication off: local mode, for the Agents Playground and the Emulator.
  const credentials = new ConfigurationServiceClientCredentialFactory(authenticated ? settings : {});
  const auth = new ConfigurationBotFrameworkAuthentication(authenticated ? settings : {}, credentials);
  const adapter = new TeamsAdapter(auth, policy, token);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    turnLog(log, context).error({ err: error, activity: context.activity.type }, 'teams turn failed');
    // Invokes answer through their own response; a message gets a polite card instead of silence,
    // unless the connector itself is what failed (it would fail the apology the same way).
    if (context.activity.type !== 'message' || connectorUnreachable(error)) return;
    // If the apology cannot be sent either, the turn is over: logged, and not a 500 that makes
    // the channel send the activity again.
    await context.sendActivity(cardMessage(noticeCard('Sorry, something went wrong', 'I could not answer that just now. Please try again in a moment.'))).catch((again: unknown) => {
      turnLog(log, context).warn({ err: { message: (again as Error).message } }, 'teams: the apology could not be sent either');
    });
  };
  return adapter;
}
