// What follows an installation coming or going. Uninstalling (or revoking the bot token)
// removes the installation, and every Slack digest no other installation serves pauses, so
// the scheduler stops trying. Installing again resumes the digests it paused, and those
// paused because Slack refused the old token, with their schedules and history intact.
import { INSTALL_CURES, NOT_INSTALLED } from '../../digest/slack-sender.js';
import type { Logger } from '../../log/logger.js';
import type { DigestStore } from '../../store/digest-types.js';
import type { InstallationLookup, SlackInstallationStore } from '../../store/installation-types.js';
import { describeWorkspace } from './bolt-store.js';
import { subscriptionWorkspace } from './subscription-workspace.js';

export class InstallationLifecycle {
  constructor(
    private readonly installations: SlackInstallationStore,
    /** Absent when the server runs without its database (surfaces-only tests). */
    private readonly digests: DigestStore | undefined,
    private readonly log: Logger,
  ) {}

  /** After an installation was stored: resumes the digests it serves again; returns how many. */
  async installed(where: InstallationLookup): Promise<number> {
    let resumed = 0;
    for (const sub of (await this.digests?.listSubscriptions()) ?? []) {
      if (sub.platform !== 'slack' || sub.status !== 'paused' || !INSTALL_CURES.has(sub.pausedReason ?? '')) continue;
      if (!(await this.installations.locate(subscriptionWorkspace(sub)))) continue;
      await this.digests!.resumeSubscription(sub.id);
      resumed++;
    }
    this.log.info({ workspace: describeWorkspace(where), resumedDigests: resumed }, 'Slack: installed');
    return resumed;
  }

  /** Removes the installation; pauses the digests nothing serves any more; returns how many. */
  async removed(where: InstallationLookup, why: 'app_uninstalled' | 'tokens_revoked'): Promise<number> {
    const existed = await this.installations.remove(where);
    let paused = 0;
    for (const sub of (await this.digests?.listSubscriptions()) ?? []) {
      if (sub.platform !== 'slack' || sub.status !== 'active') continue;
      if (await this.installations.locate(subscriptionWorkspace(sub))) continue;
      await this.digests!.pauseSubscription(sub.id, NOT_INSTALLED);
      paused++;
    }
    this.log.info({ workspace: describeWorkspace(where), why, removed: existed, pausedDigests: paused }, 'Slack: installation removed');
    return paused;
  }
}
