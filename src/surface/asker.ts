// Who asked and where, as every chat surface says it. The request log gets the surface, workspace
// and channel, never the user; the user id only feeds the hashed history key.
import type { Surface } from '../store/types.js';

export type ChatSurface = Extract<Surface, 'slack' | 'teams'>;

export interface Asker {
  readonly surface: ChatSurface;
  /** Slack team id or Teams tenant id. */
  readonly workspace: string;
  /** Slack channel or Teams conversation, so a channel's digest counts its own requests. */
  readonly channel?: string;
  /** Given where the person's recent questions are shown back to them (Slack's App Home). */
  readonly user?: string;
}
