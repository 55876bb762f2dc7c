// Bolt wants its own Logger shape; this hands its messages to our pino logger, so the
// process writes one structured log stream. At debug, Slack's Web API client logs every
// response whole, users.info's profile (name, e-mail, phone) included: only whether the call
// succeeded is kept of those.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../log/logger.js';

const text = (msg: unknown[]): string => msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');

const RESULT = 'http request result: ';

/** A Web API response reduced to its outcome. */
export function withoutResponseBody(line: string): string {
  if (!line.startsWith(RESULT)) return line;
  try {
    const r = JSON.parse(line.slice(RESULT.length)) as { ok?: unknown; error?: unknown; response_metadata?: { warnings?: unknown } };
    return `${RESULT}${JSON.stringify({ ok: r.ok, ...(r.error ? { error: r.error } : {}), ...(r.response_metadata?.warnings ? { warnings: r.response_metadata.warnings } : {}) })}`;
  } catch {
    return `${RESULT}(not shown)`;
  }
}

export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: (...msg: unknown[]) => {
      if (child.isLevelEnabled('debug')) child.debug(withoutResponseBody(text(msg)));
    },
    info: (...msg: unknown[]) => child.info(text(msg)),
    warn: (...msg: unknown[]) => child.warn(text(msg)),
    error: (...msg: unknown[]) => child.error(text(msg)),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}
