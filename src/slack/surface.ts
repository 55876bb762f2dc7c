// The Slack surface. Over HTTP, POST /slack/events goes through our gate (signature, window,
// replay, body shape: gate.ts) and then straight to Bolt's HTTPReceiver request listener from
// our node:http server (ExpressReceiver measured 0.6x the throughput), with the body already read.
// With SLACK_APP_TOKEN, Socket Mode instead: no route, a WebSocket opened after start-up and
// retried in the background, so an unreachable Slack never blocks or crashes the server.
import { HTTPReceiver, SocketModeReceiver, type BufferedIncomingMessage } from '@slack/bolt';
import type { SlackConfig } from '../config/config.js';
import type { SurfaceDeps } from '../surface/deps.js';
import { refuse } from '../surface/refusal.js';
import type { Mountable, Route } from '../surface/routes.js';
import { buildSlackApp, webClientOptions } from './app.js';
import { boltLogger } from './bolt-logger.js';
import { SlackGate } from './gate.js';
import { requestIdProperties } from './request-log.js';
import { SocketConnection } from './socket-connection.js';

export const SLACK_EVENTS_PATH = '/slack/events';

export async function createSlackSurface(deps: SurfaceDeps, config: SlackConfig): Promise<Mountable> {
  const log = deps.log.child({ surface: 'slack' });
  if (config.appToken) {
    const receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger: boltLogger(log),
      installerOptions: { clientOptions: webClientOptions(config) },
    });
    const { app, identity } = buildSlackApp(deps, config, receiver);
    const connection = new SocketConnection(receiver, log);
    return {
      name: 'slack',
      routes: [],
      async start() {
        log.info('Slack runs in Socket Mode (SLACK_APP_TOKEN is set): no /slack/events route');
        void identity.learn(app.client);
        connection.open();
      },
      stop: () => connection.close(),
    };
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    // The gate has checked the signature (once, with the window and replay checks Bolt lacks).
    signatureVerification: false,
    endpoints: SLACK_EVENTS_PATH,
    logger: boltLogger(log),
    customPropertiesExtractor: requestIdProperties,
  });
  const { app, identity } = buildSlackApp(deps, config, receiver);
  return {
    name: 'slack',
    routes: [gatedEventsRoute(receiver, config.signingSecret)],
    async start() {
      void identity.learn(app.client);
    },
  };
}

/** POST /slack/events through our gate, then to Bolt's receiver; both modes use it. */
export function gatedEventsRoute(receiver: HTTPReceiver, signingSecret: string): Route {
  const gate = new SlackGate(signingSecret);
  return {
    method: 'POST',
    path: SLACK_EVENTS_PATH,
    admit: (req) => gate.admit(req),
    handler: (req, res, body) => {
      const verdict = gate.check(req, body);
      if (verdict === 'ssl_check') return void res.writeHead(200).end();
      if (verdict !== 'pass') return refuse(res, verdict.status, verdict.reason, verdict.status === 401 ? 'unauthorized' : 'malformed request');
      // Bolt reads a body already buffered from here instead of the (consumed) stream.
      (req as BufferedIncomingMessage).rawBody = body;
      receiver.requestListener(req, res);
    },
  };
}
