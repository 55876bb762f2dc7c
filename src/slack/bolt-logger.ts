// Bolt wants its own Logger shape; this hands its messages to our pino logger, so the
// process writes one structured log stream. Bolt and the Web API client write free text
// (at debug, whole request bodies), which pino's redaction by field name cannot reach: in
// OAuth mode a scrub takes the client secret and every token out of that text first. At
// debug, users.info's profile (name, e-mail, phone) would be logged whole: only whether the
// call succeeded is kept of Web API responses.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../log/logger.js';

export type Scrub = (text: string) => string;

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

export function boltLogger(log: Logger, scrub?: Scrub): BoltLogger {
  const child = log.child({ component: 'bolt' });
  const line = scrub ? (msg: unknown[]) => scrub(text(msg)) : text;
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: (...msg: unknown[]) => {
      if (child.isLevelEnabled('debug')) child.debug(withoutResponseBody(line(msg)));
    },
    info: (...msg: unknown[]) => child.info(line(msg)),
    warn: (...msg: unknown[]) => child.warn(line(msg)),
    error: (...msg: unknown[]) => child.error(line(msg)),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}
