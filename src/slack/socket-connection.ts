// Keeps a Socket Mode connection open: the first connect is retried with a growing pause
// (Slack's SDK gives up on the first network error), and close() stops everything.
import type { SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../log/logger.js';

const FIRST_PAUSE_MS = 1_000;
const MAX_PAUSE_MS = 60_000;

export class SocketConnection {
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly receiver: SocketModeReceiver,
    private readonly log: Logger,
  ) {}

  open(pause = FIRST_PAUSE_MS): void {
    if (this.stopped) return;
    this.receiver.start().then(
      () => {
        if (this.stopped) void this.receiver.stop().catch(() => undefined);
        this.log.info('Slack Socket Mode connected');
      },
      (err: unknown) => {
        if (this.stopped) return;
        this.log.warn({ err: (err as Error).message, retryInMs: pause }, 'Slack Socket Mode could not connect; retrying');
        this.timer = setTimeout(() => this.open(Math.min(pause * 2, MAX_PAUSE_MS)), pause);
        this.timer.unref();
      },
    );
  }

  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    // A half-open socket may never report its close; don't let shutdown wait on it for long.
    const grace = new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref());
    await Promise.race([this.receiver.stop().catch(() => undefined), grace]);
  }
}
