// The real server as the corrections flow runs it: a SQLite file, Slack over HTTP against the
// Web API stand-in, Teams in local mode beside it; buttons are pressed as each platform sends them.
import { afterAll, beforeEach } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/log/logger.js';
import { cardToAdaptiveCard, type AdaptiveCard } from '../../src/render/adaptive-card.js';
import { cardToBlockKit, type ButtonElement } from '../../src/render/block-kit.js';
import type { Card } from '../../src/render/card.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import type { CorrectionRecord } from '../../src/store/correction-types.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { tempDbPath } from '../digest/stand-ins.js';
import { slackTestEnv, testCatalog } from '../slack/helpers/server.js';
import { blockAction } from '../slack/helpers/payloads.js';
import { postToSlackRoute } from '../slack/helpers/signed.js';
import { SlackStandIn } from '../slack/helpers/stand-in.js';
import { activity, cardAction, Connector, post, USER, type ConversationType } from '../teams/support.js';
import { digestCard } from '../../src/render/digest-card.js';
import { composeDigest } from '../../src/digest/compose.js';
import type { SubscriptionRecord } from '../../src/store/digest-types.js';

export interface ChatServer {
  readonly server: RunningServer;
  readonly slack: SlackStandIn;
  readonly connector: Connector;
  readonly db: string;
  /** Every correction in the database, oldest first. */
  corrections(): Promise<CorrectionRecord[]>;
  stop(): Promise<void>;
}

export async function startChatServer(env: Record<string, string> = {}): Promise<ChatServer> {
  const slack = await new SlackStandIn().start();
  const connector = await new Connector().start();
  const db = tempDbPath();
  const config = loadConfig({ ...slackTestEnv(slack.apiUrl), WHICH_TOOL_TEAMS_LOCAL: '1', WHICH_TOOL_DB: db, WHICH_TOOL_LEARN_SECONDS: '0', ...env });
  const server = await startServer({ config, catalog: testCatalog(), log: silentLogger() });
  return {
    server,
    slack,
    connector,
    db,
    corrections: async () => server.corrections!.service.list(),
    async stop() {
      await server.stop();
      await connector.stop();
      await slack.stop();
    },
  };
}

/** A file's chat server, its stand-ins' calls cleared per test. */
export function useChatServer(env: Record<string, string> = {}): { readonly chat: ChatServer } {
  const holder = {} as { chat: ChatServer };
  // Started lazily by the first test, so each file pays for one server only.
  let started: Promise<ChatServer> | undefined;
  beforeEach(async () => {
    holder.chat = await (started ??= startChatServer(env));
    holder.chat.slack.calls.length = 0;
    holder.chat.connector.clear();
  });
  afterAll(async () => {
    if (started) await (await started).stop();
  });
  return holder;
}

/** Presses a Slack button (its action_id and value as rendered) in `channel` (default: payloads.ts's) and returns what response_url got. */
export async function pressInSlack(chat: ChatServer, button: Pick<ButtonElement, 'action_id' | 'value'>, user?: string, state?: Record<string, unknown>, channel?: string): Promise<Record<string, unknown>> {
  const before = chat.slack.named('response_url').length;
  const res = await postToSlackRoute(chat.server.url, blockAction({ actionId: button.action_id, value: button.value, responseUrl: chat.slack.responseUrl(button.action_id), ...(user ? { user } : {}), ...(state ? { state } : {}), ...(channel ? { channel } : {}) }));
  if (res.status !== 200) throw new Error(`Slack action answered ${res.status}`);
  return (await chat.slack.waitFor('response_url', before + 1))[before]!.body;
}

/** Presses a Teams Action.Execute as the Teams client sends it (in personal chat unless `type` says); returns the card that replaces the pressed one. */
export async function pressInTeams(chat: ChatServer, verb: string, data: unknown, from: Record<string, string> = USER, type: ConversationType = 'personal'): Promise<AdaptiveCard> {
  const base = cardAction(chat.connector.url, verb, data, type);
  const res = await post(`${chat.server.url}/api/messages`, from === USER ? base : { ...base, ...activity(chat.connector.url, type, { type: 'invoke', name: base.name, value: base.value, from }) });
  if (res.status !== 200) throw new Error(`Teams invoke answered ${res.status}`);
  return (res.body as { value: AdaptiveCard }).value;
}

/** `state` as Slack sends it when the industry select holds `value`. */
export const pickedIndustry = (value: string): Record<string, unknown> => ({
  values: { industry: { industry: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } } } },
});

/** Buttons of a Block Kit message, in order. */
export const slackButtons = (message: { blocks?: unknown }): ButtonElement[] =>
  ((message.blocks ?? []) as { type: string; elements?: ButtonElement[] }[]).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));

/** The owners' digest for a workspace's channel, composed from the server's database as the runner does. */
export async function ownersDigest(chat: ChatServer, platform: 'slack' | 'teams', workspace: string): Promise<{ card: Card; slack: ReturnType<typeof cardToBlockKit>; teams: AdaptiveCard }> {
  const store = openSqliteStore({ path: chat.db, logRequestText: false, retentionDays: 90, log: silentLogger() });
  try {
    const sub: SubscriptionRecord = {
      id: 'sub_owners', platform, workspace, channel: 'C0OWNERS', schedule: '0 9 * * 1', timeZone: 'UTC', status: 'active', pausedReason: null, createdAt: new Date(0),
    };
    const card = digestCard(await composeDigest({ store: store.digest, catalog: testCatalog(), sub, periodAt: new Date(), pending: await store.corrections.list('pending') }));
    return { card, slack: cardToBlockKit(card), teams: cardToAdaptiveCard(card) };
  } finally {
    store.close();
  }
}
