// Test support for the Teams surface: a stand-in Bot Framework connector that records what the
// bot sends, activities shaped as Teams sends them, and the Adaptive Cards library check.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { loadConfig } from '../../src/config/config.js';
import { loadCatalog } from '../../src/core/catalog.js';
import { PolicyHolder } from '../../src/core/policy/holder.js';
import { Recommender } from '../../src/core/recommend.js';
import type { DigestCommands } from '../../src/digest/commands.js';
import { silentLogger } from '../../src/log/logger.js';
import type { AdaptiveCard } from '../../src/render/adaptive-card.js';
import type { SurfaceDeps } from '../../src/surface/deps.js';
import { createHttpServer } from '../../src/server/http-server.js';
import { guideFactsOf } from '../../src/server/guide-facts.js';
import { personKeys } from '../../src/surface/person-key.js';
import { RequestLimits } from '../../src/surface/request-limits.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { createTeamsSurface } from '../../src/teams/surface.js';

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js');

/** Problems Microsoft's Adaptive Cards library reports, as strings; [] means valid. */
export function adaptiveCardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  card.parse(json, ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  const results = card.validateProperties();
  for (let i = 0; i < results.validationEvents.length; i++) problems.push(`validate: ${results.validationEvents[i].message}`);
  return problems;
}

export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly conversationId: string;
  readonly activityId?: string;
  readonly body: BotActivity;
}

export interface BotActivity {
  type: string;
  summary?: string;
  text?: string;
  replyToId?: string;
  attachments?: { contentType: string; content: AdaptiveCard }[];
}

/**
 * The connector stand-in: POST/PUT /v3/conversations/{id}/activities[/{activityId}], and GET
 * /v3/conversations/{id}/members/{id} answering with `members` (404 for anyone not in it). With
 * `tls` it speaks https on 127.0.0.1, as the Bot Framework's own hosts do.
 */
export class Connector {
  /** Members by id, as GET …/members/{id} returns them (TeamsChannelAccount). */
  readonly members = new Map<string, Record<string, unknown>>();
  /** Each GET …/members/{id} as "conversation member", in order. */
  readonly memberLookups: string[] = [];
  readonly received: Recorded[] = [];
  /** Authorization headers as sent, in order. */
  readonly authorizations: (string | undefined)[] = [];
  /** Answer this many of the next calls with 500, as a failing connector would. */
  failNext = 0;
  private server?: Server | HttpsServer;
  private waiters: (() => void)[] = [];
  url = '';

  constructor(private readonly tls?: { key: Buffer; cert: Buffer }) {}

  async start(): Promise<this> {
    const handle = (req: IncomingMessage, res: ServerResponse): void => {
      const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/?]+)/.exec(req.url ?? '');
      if (req.method === 'GET' && member) {
        this.authorizations.push(req.headers.authorization);
        this.memberLookups.push(`${decodeURIComponent(member[1]!)} ${decodeURIComponent(member[2]!)}`);
        const found = this.members.get(decodeURIComponent(member[2]!));
        res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify(found ?? { error: { code: 'MemberNotFoundInConversation' } }));
      }
      void this.record(req).then((status) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `sent-${this.received.length}` }));
      });
    };
    this.server = this.tls ? createHttpsServer(this.tls, handle) : createServer(handle);
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `${this.tls ? 'https' : 'http'}://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  private async record(req: IncomingMessage): Promise<number> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    if (!m) return 404;
    this.authorizations.push(req.headers.authorization);
    const failing = this.failNext > 0;
    if (failing) this.failNext--;
    this.received.push({
      method: req.method ?? '',
      path: req.url ?? '',
      conversationId: decodeURIComponent(m[1]!),
      ...(m[2] ? { activityId: decodeURIComponent(m[2]) } : {}),
      body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as BotActivity,
    });
    for (const w of this.waiters.splice(0)) w();
    return failing ? 500 : 200;
  }

  clear(): void {
    this.received.length = 0;
    this.authorizations.length = 0;
    this.failNext = 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()));
  }
}

export const BOT = { id: '28:which-tool-bot', name: 'Which Tool' };
export const USER = { id: '29:user-dana', name: 'Dana Lee', aadObjectId: 'aad-dana' };
export const TENANT = 'tenant-contoso';

export type ConversationType = 'personal' | 'groupChat' | 'channel';

const CONVERSATIONS: Record<ConversationType, string> = {
  personal: 'a:1personal-chat-dana',
  groupChat: '19:group-chat-1@thread.v2',
  channel: '19:general@thread.tacv2;messageid=1700000000000',
};

let seq = 0;

export function activity(connectorUrl: string, type: ConversationType, fields: Record<string, unknown>): Record<string, unknown> {
  seq += 1;
  const channelData: Record<string, unknown> = { tenant: { id: TENANT } };
  if (type === 'channel') {
    channelData.team = { id: '19:team-marketing@thread.tacv2', name: 'Marketing' };
    channelData.channel = { id: '19:general@thread.tacv2', name: 'General' };
  }
  return {
    id: `17000000${seq}`,
    timestamp: new Date().toISOString(),
    serviceUrl: connectorUrl,
    channelId: 'msteams',
    from: USER,
    recipient: BOT,
    conversation: { id: CONVERSATIONS[type], conversationType: type, tenantId: TENANT, ...(type === 'personal' ? {} : { isGroup: true }) },
    channelData,
    locale: 'en-US',
    ...fields,
  };
}

/** A message as Teams sends it; in channels and group chats it starts with the bot's mention. */
export function message(connectorUrl: string, type: ConversationType, text: string, extraMentions: { id: string; name: string }[] = []) {
  const botTag = `<at>${BOT.name}</at>`;
  const mentionBot = type !== 'personal';
  const entities = [
    ...(mentionBot ? [{ type: 'mention', text: botTag, mentioned: BOT }] : []),
    ...extraMentions.map((m) => ({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: m })),
    { type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'Europe/Berlin' },
  ];
  return activity(connectorUrl, type, { type: 'message', text: mentionBot ? `${botTag} ${text}` : text, textFormat: 'plain', entities });
}

export function invoke(connectorUrl: string, type: ConversationType, name: string, value: unknown) {
  return activity(connectorUrl, type, { type: 'invoke', name, value });
}

export const cardAction = (connectorUrl: string, verb: string, data: unknown, type: ConversationType = 'personal') =>
  invoke(connectorUrl, type, 'adaptiveCard/action', { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' });

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, body: json as Record<string, unknown> | undefined, text };
}

export interface Bot {
  readonly url: string;
  readonly store: MemoryStore;
  readonly recommender: Recommender;
  stop(): Promise<void>;
}

const catalog = loadCatalog();

/**
 * The Teams surface on the real HTTP server, with its own store (and digest commands, if given).
 * `env` configures Teams as an operator would (local mode without credentials); many requests
 * come from one person here, so the rate limit is off unless `env` sets it.
 */
export async function startBot(options: { env?: Record<string, string>; digest?: DigestCommands; logRequestText?: boolean; recommender?: Recommender } = {}): Promise<Bot> {
  const store = new MemoryStore();
  const recommender = options.recommender ?? new Recommender(catalog);
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', WHICH_TOOL_RATE_LIMIT: '0', ...options.env });
  const deps: SurfaceDeps = {
    recommender,
    policy: new PolicyHolder(null, catalog),
    store,
    log: silentLogger(),
    logRequestText: options.logRequestText ?? false,
    limits: new RequestLimits(config.rateLimit),
    personKey: personKeys(config.historySecret, 'slack'),
    guide: guideFactsOf(config),
    ...(options.digest ? { digest: options.digest } : {}),
  };
  const surface = await createTeamsSurface(deps, config.teams);
  const server = createHttpServer({ surfaces: [surface], log: deps.log, health: () => ({}) });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  return {
    url,
    store,
    recommender,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Every TextRun as sent (one line per RichTextBlock), and the action titles in brackets. */
export function cardRuns(card: AdaptiveCard): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.type === 'RichTextBlock') {
      out.push((o.inlines as { text: string }[]).map((r) => r.text).join(''));
      return;
    }
    if ((o.type === 'Action.Execute' || o.type === 'Action.Submit') && typeof o.title === 'string') out.push(`[${o.title}]`);
    for (const k of ['body', 'items', 'rows', 'cells', 'actions']) if (k in o) walk(o[k]);
  };
  walk(card.body);
  return out.join('\n');
}

/** What a person reads on the card: the runs with the invisible joiners removed. */
export const cardText = (card: AdaptiveCard): string => cardRuns(card).replace(/\u2060/g, '');

export const actionsOf = (card: AdaptiveCard): { type: string; title: string; verb?: string; data: Record<string, unknown> }[] => {
  const out: { type: string; title: string; verb?: string; data: Record<string, unknown> }[] = [];
  for (const e of card.body as unknown as { type: string; actions?: typeof out }[]) if (e.type === 'ActionSet') out.push(...(e.actions ?? []));
  return out;
};

/** A describe block's Teams: a stand-in connector and the bot, the connector cleared per test. */
export function useTeamsBot(): { readonly connector: Connector; readonly bot: Bot } {
  const env = {} as { connector: Connector; bot: Bot };
  beforeAll(async () => {
    env.connector = await new Connector().start();
    env.bot = await startBot();
  });
  afterAll(async () => {
    await env.bot?.stop();
    await env.connector?.stop();
  });
  beforeEach(() => env.connector?.clear());
  return env;
}
