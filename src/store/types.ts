// What the surfaces read and write, behind one interface: SQLite by default, Postgres when
// several replicas run. Writes return nothing: they are queued and written behind the request,
// so no answer waits for a database (or fails without one). Reads return promises: a server
// database answers over the network.
import type { PolicyStatusT } from '../core/answer.js';
import type { CategoryIdT, DataClassT, IndustryIdT, VolumeT } from '../core/schema.js';

export const SURFACES = ['slack', 'teams', 'cli', 'digest'] as const;
export type Surface = (typeof SURFACES)[number];

/** One answered request. No user ids; the text only when an admin turned text logging on. */
export interface RequestLogEntry {
  readonly at: Date;
  readonly surface: Surface;
  /** Slack team id or Teams tenant id. */
  readonly workspace: string;
  /** Slack channel or Teams conversation, so a channel's digest can count its own requests. */
  readonly channel?: string;
  readonly category: CategoryIdT | null;
  readonly industry: IndustryIdT | null;
  readonly confidence: number;
  readonly volume: VolumeT | null;
  readonly matched: boolean;
  readonly useCase?: string | null;
  readonly text?: string;
  /** What the AI policy's owners count (issue 13); absent when the answer gives them nothing to count. */
  readonly policy?: PolicyFacts;
}

/** How an answer met the company's AI policy: counts only, never who asked or what. */
export interface PolicyFacts {
  /** Under a policy, when the top recommendation offered no approved tool: its kind and the best it offered
   * (`prohibited`: the policy allows none of the kind; `data`: a data rule left none). */
  readonly unapproved?: { readonly category: CategoryIdT; readonly best: 'restricted' | 'review' | 'prohibited' | 'data' };
  /** The tools the request named, with the policy's status (null without a policy). */
  readonly named: readonly { readonly name: string; readonly status: PolicyStatusT | null }[];
  /** The classes of sensitive data the request mentioned. */
  readonly data: readonly DataClassT[];
}

/** A press of "Request access": for a tool's name or, when the policy allowed none, a category id. */
export interface AccessRequestEntry {
  readonly at: Date;
  readonly surface: Surface;
  readonly workspace: string;
  readonly subject: string;
}

export interface FeedbackEntry {
  readonly at: Date;
  readonly surface: Surface;
  readonly workspace: string;
  readonly channel?: string;
  readonly category: CategoryIdT | null;
  readonly helpful: boolean;
  readonly catalogVersion: string;
}

/** A person's own recent questions, for App Home. Keyed by a hash, never by the raw user id. */
export interface HistoryEntry {
  readonly at: Date;
  readonly text: string;
}

/** The Teams conversations a bot can be in. */
export const CONVERSATION_SCOPES = ['personal', 'groupChat', 'channel'] as const;

/** Where Teams can post later (digests): the Bot Framework conversation reference, as JSON. */
export interface ConversationRefRecord {
  readonly conversationId: string;
  readonly tenantId: string;
  readonly scope: (typeof CONVERSATION_SCOPES)[number];
  readonly reference: unknown;
  readonly updatedAt: Date;
  /** Saved from an activity that carried a valid Bot Framework token: only then may the bot's token go to its service URL. */
  readonly authenticated: boolean;
}

export interface ConversationRefs {
  save(record: ConversationRefRecord): void;
  remove(conversationId: string): void;
  get(conversationId: string): Promise<ConversationRefRecord | undefined>;
  list(): Promise<ConversationRefRecord[]>;
}

export interface SurfaceStore {
  logRequest(entry: RequestLogEntry): void;
  recordAccessRequest(entry: AccessRequestEntry): void;
  recordFeedback(entry: FeedbackEntry): void;
  addHistory(userKey: string, entry: HistoryEntry): void;
  recentHistory(userKey: string, limit: number): Promise<HistoryEntry[]>;
  readonly conversationRefs: ConversationRefs;
}
