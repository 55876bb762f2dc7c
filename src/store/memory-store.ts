// An in-memory SurfaceStore: for tests of the surfaces and for runs without a writable disk.
import type { AccessRequestEntry, ConversationRefRecord, FeedbackEntry, HistoryEntry, RequestLogEntry, SurfaceStore } from './types.js';

export class MemoryStore implements SurfaceStore {
  readonly requests: RequestLogEntry[] = [];
  readonly feedback: FeedbackEntry[] = [];
  readonly accessRequests: AccessRequestEntry[] = [];
  private readonly history = new Map<string, HistoryEntry[]>();
  private readonly refs = new Map<string, ConversationRefRecord>();

  logRequest(entry: RequestLogEntry): void {
    this.requests.push(entry);
  }

  recordAccessRequest(entry: AccessRequestEntry): void {
    this.accessRequests.push(entry);
  }

  recordFeedback(entry: FeedbackEntry): void {
    this.feedback.push(entry);
  }

  addHistory(userKey: string, entry: HistoryEntry): void {
    const list = this.history.get(userKey) ?? [];
    list.unshift(entry);
    this.history.set(userKey, list.slice(0, 20));
  }

  async recentHistory(userKey: string, limit: number): Promise<HistoryEntry[]> {
    return (this.history.get(userKey) ?? []).slice(0, limit);
  }

  readonly conversationRefs = {
    save: (r: ConversationRefRecord): void => void this.refs.set(r.conversationId, r),
    remove: (id: string): void => void this.refs.delete(id),
    get: async (id: string): Promise<ConversationRefRecord | undefined> => this.refs.get(id),
    list: async (): Promise<ConversationRefRecord[]> => [...this.refs.values()],
  };
}
