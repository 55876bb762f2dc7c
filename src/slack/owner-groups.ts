// WHICH_TOOL_OWNERS may name Slack user groups (their ids, `S…`) as well as people: whoever is in
// one of them may accept or reject corrections. Membership is asked of Slack
// (`usergroups.users.list`, scope usergroups:read) with the workspace's own token, and kept for a
// minute, so a digest's worth of presses costs one call per group.
import type { webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;

const KEEP_MS = 60_000;
/** Slack user group ids start with S; people's with U or W. Owners are kept lower-cased. */
const GROUP_ID = /^s[0-9a-z]{2,}$/;

export type GroupLookupFailure = (group: string, reason: string) => void;

export class SlackOwnerGroups {
  private readonly members = new Map<string, { users: ReadonlySet<string>; at: number }>();

  constructor(
    private readonly onFailure: GroupLookupFailure,
    private readonly now: () => number = Date.now,
  ) {}

  /** The groups among `owners` that `user` is in; a group Slack will not list counts as not theirs. */
  async containing(client: WebClient, team: string, user: string, owners: Iterable<string>): Promise<string[]> {
    const groups = [...owners].filter((o) => GROUP_ID.test(o));
    const found: string[] = [];
    for (const group of groups) if ((await this.usersOf(client, team, group.toUpperCase())).has(user)) found.push(group);
    return found;
  }

  private async usersOf(client: WebClient, team: string, group: string): Promise<ReadonlySet<string>> {
    const key = `${team}:${group}`;
    const kept = this.members.get(key);
    if (kept && this.now() - kept.at < KEEP_MS) return kept.users;
    let users: ReadonlySet<string> = new Set();
    try {
      const r = await client.usergroups.users.list({ usergroup: group });
      users = new Set(r.users ?? []);
    } catch (err) {
      // Refused (no usergroups:read, a deleted group): nobody is let in through it, and the
      // operator is told why once a minute rather than on every press.
      this.onFailure(group, (err as { data?: { error?: string } }).data?.error ?? (err as Error).message);
    }
    this.members.set(key, { users, at: this.now() });
    return users;
  }
}
