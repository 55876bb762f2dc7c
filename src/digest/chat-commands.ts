// `/whichtool digest …` and "@Which Tool digest …": set, show or stop this channel's digest.
// Replies are cards; a schedule that cannot be read gets the reason and an example. Anyone in the
// channel may look; a change needs authority (a full member, not a guest or someone from another
// organisation, or one of WHICH_TOOL_DIGEST_MANAGERS), and each change is logged with who made it.
import type { Logger } from '../log/logger.js';
import { noticeCard } from '../render/answer-card.js';
import type { Card } from '../render/card.js';
import type { DigestStore, SubscriptionRecord } from '../store/digest-types.js';
import type { DigestActor, DigestCommands, DigestTarget } from './commands.js';
import { describeSchedule, nextFire, parseChatSchedule, SCHEDULE_EXAMPLE, ScheduleError } from './schedule.js';

const prefix = (t: DigestTarget): string => (t.platform === 'slack' ? '/whichtool digest' : '@Which Tool digest');

const usage = (t: DigestTarget): string =>
  `Try “${prefix(t)} ${SCHEDULE_EXAMPLE}”, “${prefix(t)} daily 08:30”, “${prefix(t)} off”, or “${prefix(t)}” to see the current one.`;

const when = (d: Date | null, timeZone: string): string =>
  d ? d.toLocaleString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }) : 'never';

export type DigestManagers = 'members' | readonly string[];

export class ChatDigestCommands implements DigestCommands {
  constructor(
    private readonly store: DigestStore,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
    private readonly managers: DigestManagers = 'members',
  ) {}

  /** Why `actor` may not change digests here, or null when they may. */
  private refusal(actor: DigestActor | undefined): Card | null {
    if (this.managers !== 'members') {
      if (actor && this.managers.includes(actor.id)) return null;
      return noticeCard('Digests are managed by named people', 'Only the digest managers named by whoever runs Which Tool can change digests. Ask one of them.');
    }
    if (actor?.role === 'member') return null;
    if (actor?.role === 'guest' || actor?.role === 'external')
      return noticeCard('Only members can change digests', 'Guests and people from other organisations can see this channel’s digest but not change it. Ask a member of the workspace.');
    return noticeCard('That didn’t work', 'I could not check that you may change this channel’s digest just now. Please try again in a minute.');
  }

  private changed(action: string, target: DigestTarget, sub: SubscriptionRecord): void {
    this.log.info({ platform: target.platform, workspace: target.workspace, channel: target.channel, subscription: sub.id, action, by: target.actor?.id }, 'digest: subscription changed');
  }

  async handle(args: string, typedIn: DigestTarget): Promise<Card> {
    // A Teams channel message names its thread (";messageid=…"); the digest belongs to the
    // channel, which is also the key its conversation reference was saved under at install.
    const target = typedIn.platform === 'teams' ? { ...typedIn, channel: typedIn.channel.split(';')[0]! } : typedIn;
    try {
      return await this.answer(args.trim(), target);
    } catch (err) {
      if (err instanceof ScheduleError) return noticeCard('I could not read that schedule', `${err.message} ${usage(target)}`);
      this.log.error({ err: { message: (err as Error).message } }, 'digest: chat command failed');
      return noticeCard('That didn’t work', 'The digest settings could not be changed just now. Please try again in a few minutes.');
    }
  }

  private async answer(args: string, target: DigestTarget): Promise<Card> {
    const words = args.split(/\s+/).filter(Boolean);
    const first = words[0]?.toLowerCase();
    const current = await this.store.findSubscription(target.platform, target.channel);
    if (!first || first === 'status' || first === 'show') return this.show(current, target);
    if (first === 'help') return noticeCard('Digest commands', usage(target));
    const refused = this.refusal(target.actor);
    if (refused) return refused;
    if (first === 'off' || first === 'stop') {
      if (!current) return noticeCard('No digest here', `This channel has no digest to stop. ${usage(target)}`);
      await this.store.removeSubscription(current.id);
      this.changed('off', target, current);
      return noticeCard('Digest off', `This channel will get no more digests. Turn it back on with “${prefix(target)} ${SCHEDULE_EXAMPLE}”.`);
    }
    const schedule = parseChatSchedule(words, target.userTimeZone);
    const sub = await this.store.upsertSubscription(
      { platform: target.platform, workspace: target.workspace, channel: target.channel, schedule: schedule.cron, timeZone: schedule.timeZone, ...(target.enterprise ? { enterprise: target.enterprise } : {}) },
      this.now(),
    );
    this.changed(current ? 'updated' : 'on', target, sub);
    const zoneNote = words.some((w) => w.includes('/') || w.toUpperCase() === 'UTC') || target.userTimeZone ? '' : ' (UTC: add a time zone such as Europe/Berlin to change it)';
    return noticeCard(
      current ? 'Digest updated' : 'Digest on',
      `This channel gets a digest ${describeSchedule(schedule)}${zoneNote}. Next: ${when(nextFire(schedule, this.now()), sub.timeZone)}. Stop it with “${prefix(target)} off”.`,
    );
  }

  private show(sub: SubscriptionRecord | undefined, target: DigestTarget): Card {
    if (!sub) return noticeCard('No digest here yet', `A digest sums up what people asked, likely spend and a tool tip. ${usage(target)}`);
    const schedule = { cron: sub.schedule, timeZone: sub.timeZone };
    if (sub.status === 'paused')
      return noticeCard('Digest paused', `The last digest could not be posted here (${sub.pausedReason ?? 'unknown reason'}). Set the schedule again to resume, e.g. “${prefix(target)} ${SCHEDULE_EXAMPLE}”.`);
    return noticeCard('Digest', `This channel gets a digest ${describeSchedule(schedule)}. Next: ${when(nextFire(schedule, this.now()), sub.timeZone)}. Stop it with “${prefix(target)} off”.`);
  }
}
