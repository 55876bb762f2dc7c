// The chat side of digests, as the Slack and Teams surfaces see it: they pass the words after
// "digest" and where they were typed; the digest module answers with a card.
import type { Card } from '../render/card.js';

/**
 * Who typed the command, as the platform says: a full member of the workspace or tenant, a guest,
 * someone from another organisation in a shared channel, or unknown (the platform could not be asked).
 */
export interface DigestActor {
  readonly id: string;
  readonly role: 'member' | 'guest' | 'external' | 'unknown';
}

export interface DigestTarget {
  readonly platform: 'slack' | 'teams';
  /** Slack team id, or Teams tenant id. */
  readonly workspace: string;
  /** Slack channel id, or Teams conversation id. */
  readonly channel: string;
  /** Slack Grid organisation id, when the workspace belongs to one. */
  readonly enterprise?: string;
  /** The typing user's IANA time zone when the platform tells it (Slack users.info), else undefined. */
  readonly userTimeZone?: string;
  /** Who typed it; changes need a full member (or a manager named in WHICH_TOOL_DIGEST_MANAGERS). */
  readonly actor?: DigestActor;
}

export interface DigestCommands {
  /** `args` is what followed "digest", e.g. "weekly monday 09:00 Europe/Berlin", "off", "". */
  handle(args: string, target: DigestTarget): Promise<Card>;
}
