// Teams events -> the bot's answers. Only this file and the adapter know Bot Framework's
// handler model; the answers, actions and search work on plain values.
import {
  TeamsActivityHandler,
  type InvokeResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type TurnContext,
} from 'botbuilder';
import type { Card } from '../render/card.js';
import type { SurfaceDeps } from '../server/deps.js';
import { TeamsActions } from './actions.js';
import { TeamsAnswers } from './answers.js';
import { cardInvokeBody, cardMessage } from './attachments.js';
import { whereFrom } from './conversation.js';
import { botWasAdded, botWasRemoved, forget, remember, welcomeCard } from './install.js';
import { requestText } from './mention.js';
import { searchTools } from './search.js';
import { turnLog } from './turn-log.js';

export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

export class WhichToolBot extends TeamsActivityHandler {
  private readonly answers: TeamsAnswers;
  private readonly actions: TeamsActions;

  constructor(private readonly deps: SurfaceDeps) {
    super();
    this.answers = new TeamsAnswers(deps);
    this.actions = new TeamsActions(deps, this.answers);
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
    if (await remember(this.deps.store.conversationRefs, context.activity)) {
      await context.sendActivity(cardMessage(welcomeCard(whereFrom(context.activity).scope)));
    }
  }

  private async message(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const where = whereFrom(activity);
    // Action.Submit (hosts without Universal Actions) arrives as a message carrying the data.
    if (activity.value !== undefined && !activity.text) return this.submitted(context, this.actions.handle(activity.value, where));
    await context.sendActivity(cardMessage(await this.answers.reply(requestText(activity), where)));
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
    const value = (context.activity.value ?? {}) as { action?: { verb?: unknown; data?: unknown } };
    const card = this.actions.handle(value.action?.data ?? {}, whereFrom(context.activity), value.action?.verb);
    return { status: 200, body: cardInvokeBody(card) };
  }

  protected override async handleTeamsMessagingExtensionQuery(
    _context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    return searchTools(this.deps.recommender, query);
  }
}
