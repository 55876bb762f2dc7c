// Which HTTP request a Slack listener is serving: the server's request id rides into Bolt's
// context through the receiver's custom properties, so a listener's log lines name it too.
import type { IncomingMessage } from 'node:http';
import type { Context } from '@slack/bolt';
import type { Logger } from '../log/logger.js';
import { requestIdOf, requestLogger } from '../log/request-context.js';

export const requestIdProperties = (req: IncomingMessage): { reqId?: string } => {
  const reqId = requestIdOf(req);
  return reqId ? { reqId } : {};
};

/** The logger for a listener's lines: with the request id when the event came over HTTP. */
export const logFor = (log: Logger, context: Context | undefined): Logger =>
  requestLogger(log, typeof context?.['reqId'] === 'string' ? (context['reqId'] as string) : undefined);
