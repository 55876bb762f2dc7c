// `/whichtool digest …` and "@Which Tool digest …": hands the words after "digest" to the digest
// module with where they were typed, who typed them (a member, a guest, someone from another
// organisation) and their time zone, all from one users.info call.
import type { webApi } from '@slack/bolt';
import type { DigestActor, DigestTarget } from '../digest/commands.js';
import type { Logger } from '../log/logger.js';
import { noticeCard } from '../render/answer-card.js';
import type { Card } from '../render/card.js';
import type { SurfaceDeps } from '../surface/deps.js';

export const DIGEST_OFF_CARD = noticeCard(
  'Digests are not set up',
  'Weekly digests need the server’s database, which is not running here. Ask whoever runs Which Tool to turn it on.',
);

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

async function lookUp(client: webApi.WebClient, user: string): Promise<SlackUser | undefined> {
  // users.info needs the users:read scope; without it (or without Slack) the person is "unknown":
  // they may still look at the digest, and a change is refused politely until Slack answers.
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), USER_LOOKUP_MS).unref());
  const info = client.users.info({ user }).then((r) => r.user as SlackUser | undefined, () => undefined);
  return Promise.race([info, timeout]);
}

export function actorOf(id: string, user: SlackUser | undefined, team: string, enterprise?: string): DigestActor {
  if (!user) return { id, role: 'unknown' };
  if (user.is_restricted || user.is_ultra_restricted) return { id, role: 'guest' };
  const sameOrg = user.team_id === team || (enterprise !== undefined && user.enterprise_user?.enterprise_id === enterprise);
  if (user.is_stranger || (user.team_id !== undefined && !sameOrg)) return { id, role: 'external' };
  return { id, role: 'member' };
}

export async function digestReply(
  deps: SurfaceDeps,
  client: webApi.WebClient,
  args: string,
  where: { team: string; channel: string; user?: string; enterprise?: string | undefined },
  log: Logger = deps.log,
): Promise<Card> {
  if (!deps.digest) return DIGEST_OFF_CARD;
  const user = where.user ? await lookUp(client, where.user) : undefined;
  const target: DigestTarget = {
    platform: 'slack',
    workspace: where.team,
    channel: where.channel,
    ...(where.enterprise ? { enterprise: where.enterprise } : {}),
    ...(user?.tz ? { userTimeZone: user.tz } : {}),
    ...(where.user ? { actor: actorOf(where.user, user, where.team, where.enterprise) } : {}),
  };
  return deps.digest.handle(args, target).catch((err: unknown) => {
    log.error({ err }, 'digest command failed');
    return noticeCard('That didn’t work', 'The digest settings could not be changed just now. Please try again in a minute.');
  });
}
