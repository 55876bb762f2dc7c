// The id of the HTTP request a Teams turn came in on, kept in the turn's state so the lines
// written during the turn (its failure, a refused card update) name the request.
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../log/logger.js';
import { requestLogger } from '../log/request-context.js';

const REQUEST_ID = Symbol('which-tool.requestId');

export function rememberRequestId(context: TurnContext, reqId: string | undefined): void {
  if (reqId) context.turnState.set(REQUEST_ID, reqId);
}

export const turnLog = (log: Logger, context: TurnContext): Logger =>
  requestLogger(log, context.turnState.get<string | undefined>(REQUEST_ID));
