// Bolt's default authorize calls auth.test at start-up, which crashes or hangs the process
// when Slack can't be reached. This one answers from SLACK_BOT_ID / SLACK_BOT_USER_ID when
// they are set; otherwise it asks auth.test in the background and never waits for it, so
// a slash command is acked within Slack's 3 s even while Slack's API is unreachable.
import type { Authorize, AuthorizeResult, webApi } from '@slack/bolt';
import type { SlackConfig } from '../config/config.js';
import type { Logger } from '../log/logger.js';

export class BotIdentity {
  private ids: { botId?: string; botUserId?: string };
  private asking: Promise<void> | undefined;

  constructor(
    private readonly config: SlackConfig,
    private readonly log: Logger,
  ) {
    this.ids = { ...(config.botId ? { botId: config.botId } : {}), ...(config.botUserId ? { botUserId: config.botUserId } : {}) };
  }

  get known(): boolean {
    return Boolean(this.ids.botId && this.ids.botUserId);
  }

  /** Starts one auth.test if the ids are not known yet; resolves when it settles. */
  learn(client: webApi.WebClient): Promise<void> {
    if (this.known) return Promise.resolve();
    this.asking ??= client.auth
      .test({ token: this.config.botToken })
      .then((r) => {
        this.ids = { ...(r.bot_id ? { botId: r.bot_id } : {}), ...(r.user_id ? { botUserId: r.user_id } : {}) };
        this.log.info({ botUserId: r.user_id }, 'Slack bot identity learned from auth.test');
      })
      .catch((err: unknown) => {
        this.log.warn({ err: (err as Error).message }, 'Slack auth.test failed; will try again on the next request');
      })
      .finally(() => {
        this.asking = undefined;
      });
    return this.asking;
  }

  authorize(client: () => webApi.WebClient): Authorize<boolean> {
    return async (): Promise<AuthorizeResult> => {
      if (!this.known) void this.learn(client());
      return { botToken: this.config.botToken, ...this.ids };
    };
  }
}
