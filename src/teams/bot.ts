// Teams events -> the bot's answers. Only this file and the adapter know Bot Framework's
// handler model; the answers, actions and search work on plain values.
import {
  TeamsActivityHandler,
  type InvokeResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type TurnContext,
} from 'botbuilder';
import { noticeCard } from '../render/answer-card.js';
import type { Card } from '../render/card.js';
import type { Presser } from '../surface/corrections.js';
import type { SurfaceDeps } from '../surface/deps.js';
import { checkLimit, tooManyRequests, type LimitVerdict } from '../surface/request-limits.js';
import type { DigestActor } from '../digest/commands.js';
import { TeamsActions } from './actions.js';
import type { TeamsAdapter } from './adapter.js';
import { cardInvokeBody, cardMessage } from './attachments.js';
import { personFrom, whereFrom } from './conversation.js';
import { teamsPresser } from './correction-actions.js';
import { ownerTeamsOf } from './owner-teams.js';
import { botWasAdded, botWasRemoved, forget, remember, welcomeCard } from './install.js';
import { requestText } from './mention.js';
import { searchTools } from './search.js';
import { turnLog } from './turn-log.js';
import { replyToMessage } from './typed-message.js';

export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

export class WhichToolBot extends TeamsActivityHandler {
  private readonly actions: TeamsActions;

  constructor(
    private readonly deps: SurfaceDeps,
    private readonly options: { readonly authenticated: boolean },
  ) {
    super();
    this.actions = new TeamsActions(deps);
    this.onMessage(async (context, next) => {
      await this.message(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.added(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      forget(this.deps.store.conversationRefs, context.activity);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (botWasAdded(context.activity)) await this.added(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (botWasRemoved(context.activity)) forget(this.deps.store.conversationRefs, context.activity);
      await next();
    });
  }

  private async added(context: TurnContext): Promise<void> {
    if (await remember(this.deps.store.conversationRefs, context.activity, this.options.authenticated)) {
      await context.sendActivity(cardMessage(welcomeCard(whereFrom(context.activity).scope)));
    }
  }

  /** One request against the sender's rate limit; over it, no work is done. */
  private limit(context: TurnContext): LimitVerdict {
    return checkLimit(this.deps.limits, 'teams', personFrom(context.activity));
  }

  private async message(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const limit = this.limit(context);
    if (limit.retryInS) {
      // Told once per streak: a flood of messages must not become a flood of replies.
      if (limit.firstRefusal) await context.sendActivity({ type: 'message', text: tooManyRequests(limit.retryInS) });
      return;
    }
    const where = whereFrom(activity);
    // Action.Submit (hosts without Universal Actions) arrives as a message carrying the data.
    if (activity.value !== undefined && !activity.text) return this.submitted(context, await this.actions.handle(activity.value, where, undefined, personFrom(activity), presserOf(context)));
    await context.sendActivity(cardMessage(await replyToMessage(this.deps, requestText(activity), where, () => this.actor(context))));
  }

  /**
   * Who is asking, for digest changes: in local mode the person at this machine; otherwise the
   * connector's view of the member (a guest's userRole is "guest"; someone from another
   * organisation has another tenant), and "unknown" when it cannot say.
   */
  private async actor(context: TurnContext): Promise<DigestActor> {
    const from = context.activity.from;
    const id = from?.aadObjectId ?? from?.id ?? 'unknown';
    if (!this.options.authenticated) return { id, role: 'member' };
    const member = await (context.adapter as TeamsAdapter).member(context);
    if (!member) return { id, role: 'unknown' };
    if (member.userRole !== undefined && member.userRole !== 'user') return { id, role: 'guest' };
    const tenant = whereFrom(context.activity).tenantId;
    return { id, role: typeof member.tenantId === 'string' && member.tenantId !== tenant ? 'external' : 'member' };
  }

  private async submitted(context: TurnContext, card: Card): Promise<void> {
    const pressedOn = context.activity.replyToId;
    if (pressedOn) {
      try {
        await context.updateActivity({ ...cardMessage(card, { actions: 'submit' }), id: pressedOn });
        return;
      } catch (err) {
        // A card the bot did not send (e.g. inserted by a person) cannot be updated: reply instead.
        turnLog(this.deps.log, context).debug({ err }, 'card update refused; replying instead');
      }
    }
    await context.sendActivity(cardMessage(card, { actions: 'submit' }));
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== CARD_ACTION_INVOKE) return super.onInvokeActivity(context);
    const limit = this.limit(context);
    if (limit.retryInS) return { status: 200, body: cardInvokeBody(noticeCard('Too many requests', tooManyRequests(limit.retryInS))) };
    const value = (context.activity.value ?? {}) as { action?: { verb?: unknown; data?: unknown } };
    const a = context.activity;
    const card = await this.actions.handle(value.action?.data ?? {}, whereFrom(a), value.action?.verb, personFrom(a), presserOf(context));
    return { status: 200, body: cardInvokeBody(card) };
  }

  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    const limit = this.limit(context);
    if (limit.retryInS) return { composeExtension: { type: 'message', text: tooManyRequests(limit.retryInS) } };
    return searchTools(this.deps.recommender, query);
  }
}

/** The presser of a card's button; a team among the owners counts when they are a member of it. */
const presserOf = (context: TurnContext): Presser => ({ ...teamsPresser(context.activity), groups: (owners) => ownerTeamsOf(context, owners) });
