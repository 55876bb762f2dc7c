// The Teams surface: POST /api/messages on the shared server, carried by the Bot Framework
// CloudAdapter. With an app id every request must bear a valid Bot Framework token (else 401);
// without one it serves local tools (Agents Playground, Emulator) unauthenticated.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TeamsConfig } from '../config/config.js';
import type { SurfaceDeps } from '../server/deps.js';
import type { Mountable } from '../server/routes.js';
import { createAdapter } from './adapter.js';
import { WhichToolBot } from './bot.js';
import { readJsonBody, writeResult } from './http-shim.js';
import { rememberRequestId } from './turn-log.js';
import { requestIdOf, requestLogger } from '../log/request-context.js';
import type { Activity } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';

export const TEAMS_PATH = '/api/messages';

export async function createTeamsSurface(deps: SurfaceDeps, config: TeamsConfig): Promise<Mountable> {
  const adapter = createAdapter(config, deps.log);
  const bot = new WhichToolBot(deps);
  deps.log.info(
    { auth: config.appId ? 'bot-framework' : 'off' },
    config.appId ? `Teams: ${TEAMS_PATH} requires Bot Framework tokens` : `Teams: ${TEAMS_PATH} is unauthenticated (local tools only)`,
  );

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readJsonBody(req);
    if (!body.ok) {
      res.writeHead(body.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: body.message }));
      return;
    }
    const auth = req.headers.authorization ?? '';
    const reqId = requestIdOf(req);
    try {
      const invoke = await adapter.handle(auth, body.body as Partial<Activity> as Activity, (context) => {
        rememberRequestId(context, reqId);
        return bot.run(context);
      });
      writeResult(res, invoke?.status ?? 200, invoke?.body);
    } catch (err) {
      const unauthorized = err instanceof AuthenticationError;
      if (!unauthorized) requestLogger(deps.log, reqId).warn({ err: { message: (err as Error).message } }, 'teams: turn failed');
      writeResult(res, unauthorized ? 401 : 500);
    }
  };

  return { name: 'teams', routes: [{ method: 'POST', path: TEAMS_PATH, handler }] };
}
