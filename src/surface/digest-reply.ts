// "digest …" typed on any surface: the words after "digest" go to the digest commands with where
// they were typed and by whom. Each surface knows its own target (Slack asks users.info for the
// time zone and who the person is, Teams asks the connector), so it hands a way to find it.
import type { DigestTarget } from '../digest/commands.js';
import type { Logger } from '../log/logger.js';
import { noticeCard } from '../render/answer-card.js';
import type { Card } from '../render/card.js';
import type { SurfaceDeps } from './deps.js';

const DIGEST_OFF_CARD = noticeCard(
  'Digests are not set up',
  'Weekly digests need the server’s database, which is not running here. Ask whoever runs Which Tool to turn it on.',
);

const DIGEST_FAILED_CARD = noticeCard('That didn’t work', 'The digest settings could not be changed just now. Please try again in a minute.');

/** `target` is only asked for when digests are on: finding who typed it may call the platform. */
export async function digestReply(deps: SurfaceDeps, args: string, target: () => Promise<DigestTarget>, log: Logger = deps.log): Promise<Card> {
  const digest = deps.digest;
  if (!digest) return DIGEST_OFF_CARD;
  return target()
    .then((t) => digest.handle(args, t))
    .catch((err: unknown) => {
      log.error({ err }, 'digest command failed');
      return DIGEST_FAILED_CARD;
    });
}
