// Where a Slack digest command was typed and by whom (a member, a guest, someone from another
// organisation), with their time zone: all from one users.info call, for surface/digest-reply.ts.
import type { webApi } from '@slack/bolt';
import type { DigestActor, DigestTarget } from '../digest/commands.js';

/** A digest command is answered through response_url, but nobody should wait long: Slack's API slow means "unknown". */
const USER_LOOKUP_MS = 2_500;

interface SlackUser {
  tz?: string;
  team_id?: string;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  is_stranger?: boolean;
  enterprise_user?: { enterprise_id?: string };
}

export interface TypedWhere {
  readonly team: string;
  readonly channel: string;
  readonly user?: string;
  readonly enterprise?: string | undefined;
}

async function lookUp(client: webApi.WebClient, user: string): Promise<SlackUser | undefined> {
  // users.info needs the users:read scope; without it (or without Slack) the person is "unknown":
  // they may still look at the digest, and a change is refused politely until Slack answers.
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), USER_LOOKUP_MS).unref());
  const info = client.users.info({ user }).then((r) => r.user as SlackUser | undefined, () => undefined);
  return Promise.race([info, timeout]);
}

function actorOf(id: string, user: SlackUser | undefined, team: string, enterprise?: string): DigestActor {
  if (!user) return { id, role: 'unknown' };
  if (user.is_restricted || user.is_ultra_restricted) return { id, role: 'guest' };
  const sameOrg = user.team_id === team || (enterprise !== undefined && user.enterprise_user?.enterprise_id === enterprise);
  if (user.is_stranger || (user.team_id !== undefined && !sameOrg)) return { id, role: 'external' };
  return { id, role: 'member' };
}

export async function slackDigestTarget(client: webApi.WebClient, where: TypedWhere): Promise<DigestTarget> {
  const user = where.user ? await lookUp(client, where.user) : undefined;
  return {
    platform: 'slack',
    workspace: where.team,
    channel: where.channel,
    ...(where.enterprise ? { enterprise: where.enterprise } : {}),
    ...(user?.tz ? { userTimeZone: user.tz } : {}),
    ...(where.user ? { actor: actorOf(where.user, user, where.team, where.enterprise) } : {}),
  };
}
