// Bolt wants its own Logger shape; this hands its messages to our pino logger, so the
// process writes one structured log stream. Bolt and the Web API client write free text
// (at debug, whole request bodies), which pino's redaction by field name cannot reach: in
// OAuth mode a scrub takes the client secret and every token out of that text first.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../log/logger.js';

export type Scrub = (text: string) => string;

const text = (msg: unknown[]): string => msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');

export function boltLogger(log: Logger, scrub?: Scrub): BoltLogger {
  const child = log.child({ component: 'bolt' });
  const line = scrub ? (msg: unknown[]) => scrub(text(msg)) : text;
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: (...msg: unknown[]) => child.debug(line(msg)),
    info: (...msg: unknown[]) => child.info(line(msg)),
    warn: (...msg: unknown[]) => child.warn(line(msg)),
    error: (...msg: unknown[]) => child.error(line(msg)),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}
