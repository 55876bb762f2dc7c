// The Teams surface: POST /api/messages on the shared server, carried by the Bot Framework
// CloudAdapter. Authenticated (an app is configured): every request must bear a valid Bot
// Framework token, else 401, and a request without one is refused before its body is read.
// Local mode (no credentials, for the Agents Playground and the Emulator): unauthenticated, so
// only this machine may call it and the bot only replies to this machine (service-url.ts).
// Off: start.ts does not mount it at all.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity } from 'botbuilder';
import type { TeamsConfig } from '../config/config.js';
import { requestIdOf, requestLogger } from '../log/request-context.js';
import type { SurfaceDeps } from '../surface/deps.js';
import { refuse } from '../surface/refusal.js';
import type { Mountable, Refusal } from '../surface/routes.js';
import { createAdapter, TeamsUnauthorizedError } from './adapter.js';
import { WhichToolBot } from './bot.js';
import { teamsTokenSource } from './bot-token.js';
import { readActivity, writeResult } from './http-shim.js';
import { cameThroughProxy, isLoopbackAddress } from './peer.js';
import { serviceUrlPolicy } from './service-url.js';
import { rememberRequestId } from './turn-log.js';

export const TEAMS_PATH = '/api/messages';

function admitter(config: TeamsConfig): (req: IncomingMessage) => Refusal | undefined {
  if (config.mode === 'local') {
    return (req) => (isLoopbackAddress(req.socket.remoteAddress) && !cameThroughProxy(req) ? undefined : { status: 403, reason: 'not_local' });
  }
  return (req) => (/^Bearer \S+$/.test(req.headers.authorization ?? '') ? undefined : { status: 401, reason: 'unauthorized' });
}

export async function createTeamsSurface(deps: SurfaceDeps, config: TeamsConfig): Promise<Mountable> {
  const policy = serviceUrlPolicy(config);
  const adapter = createAdapter(config, deps.log, policy, teamsTokenSource(config));
  const bot = new WhichToolBot(deps, { authenticated: config.mode === 'authenticated' });
  const local = config.mode === 'local';
  deps.log.info(
    { auth: local ? 'off' : 'bot-framework' },
    local ? `Teams: ${TEAMS_PATH} is unauthenticated (local tools only): this machine only, replies to loopback service URLs only` : `Teams: ${TEAMS_PATH} requires Bot Framework tokens`,
  );

  const handler = async (req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> => {
    const read = readActivity(raw);
    if (!read.ok) return refuse(res, read.status, 'malformed', read.message);
    const activity = read.body as Partial<Activity> as Activity;
    // Refused before the turn: no reply is attempted and no conversation reference is kept.
    if (local && !policy.check(activity.serviceUrl).ok) return refuse(res, 403, 'service_url', 'local mode replies only to this machine');
    const reqId = requestIdOf(req);
    try {
      const invoke = await adapter.handle(req.headers.authorization ?? '', activity, (context) => {
        rememberRequestId(context, reqId);
        return bot.run(context);
      });
      writeResult(res, invoke?.status ?? 200, invoke?.body);
    } catch (err) {
      if (err instanceof TeamsUnauthorizedError) return refuse(res, 401, 'unauthorized', 'unauthorized');
      requestLogger(deps.log, reqId).warn({ err: { message: (err as Error).message } }, 'teams: turn failed');
      writeResult(res, 500);
    }
  };

  return { name: 'teams', routes: [{ method: 'POST', path: TEAMS_PATH, admit: admitter(config), handler }] };
}
