// Structured JSON logs. Secrets are redacted by path; request text is logged only at debug.
// Lines written while serving an HTTP request carry its id (reqId): see request-context.ts.
import { pino, type Logger } from 'pino';

export type { Logger };

const REDACT = [
  'token', 'botToken', 'appToken', 'signingSecret', 'appPassword', 'password', 'authorization',
  '*.token', '*.botToken', '*.appToken', '*.signingSecret', '*.appPassword', '*.password', '*.authorization',
  'headers.authorization', 'req.headers.authorization', 'headers["x-slack-signature"]',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { app: 'which-tool' },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? process.stdout,
  );
}

/** A logger that writes nothing, for tests and the command line. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
