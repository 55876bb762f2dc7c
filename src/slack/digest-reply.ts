// `/whichtool digest …` and "@Which Tool digest …": hands the words after "digest" to the digest
// module with where they were typed, and the typing user's time zone when Slack tells it.
import type { webApi } from '@slack/bolt';
import type { DigestTarget } from '../digest/commands.js';
import type { Logger } from '../log/logger.js';
import { noticeCard } from '../render/answer-card.js';
import type { Card } from '../render/card.js';
import type { SurfaceDeps } from '../server/deps.js';

export const DIGEST_OFF_CARD = noticeCard(
  'Digests are not set up',
  'Weekly digests need the server’s database, which is not running here. Ask whoever runs Which Tool to turn it on.',
);

async function userTimeZone(client: webApi.WebClient, user: string | undefined): Promise<string | undefined> {
  if (!user) return undefined;
  // users.info needs the users:read scope; without it (or without Slack) the digest module
  // falls back to the time zone named in the command or its default.
  const info = await client.users.info({ user }).catch(() => undefined);
  return info?.user?.tz || undefined;
}

export async function digestReply(
  deps: SurfaceDeps,
  client: webApi.WebClient,
  args: string,
  where: { team: string; channel: string; user?: string; enterprise?: string | undefined },
  log: Logger = deps.log,
): Promise<Card> {
  if (!deps.digest) return DIGEST_OFF_CARD;
  const tz = await userTimeZone(client, where.user);
  const target: DigestTarget = {
    platform: 'slack',
    workspace: where.team,
    channel: where.channel,
    ...(where.enterprise ? { enterprise: where.enterprise } : {}),
    ...(tz ? { userTimeZone: tz } : {}),
  };
  return deps.digest.handle(args, target).catch((err: unknown) => {
    log.error({ err }, 'digest command failed');
    return noticeCard('That didn’t work', 'The digest settings could not be changed just now. Please try again in a minute.');
  });
}
