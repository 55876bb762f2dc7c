// Starts the real server (startServer: node:http + Bolt's HTTPReceiver) on 127.0.0.1:0 with
// Slack on, pointed at a stand-in.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { loadCatalog, type Catalog } from '../../../src/core/catalog.js';
import { silentLogger } from '../../../src/log/logger.js';
import { personKeys, type PersonKey } from '../../../src/surface/person-key.js';
import { startServer, type RunningServer } from '../../../src/server/start.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { BOT_ID, BOT_USER } from './payloads.js';
import { SIGNING_SECRET } from './signed.js';
import { SlackStandIn } from './stand-in.js';

let catalog: Catalog | undefined;
export const testCatalog = (): Catalog => (catalog ??= loadCatalog());

export interface SlackTestServer {
  readonly server: RunningServer;
  readonly store: MemoryStore;
  /** A person's history key as this server computes it. */
  readonly personKey: PersonKey;
  stop(): Promise<void>;
}

/** The variables of a Slack test server pointed at a stand-in Web API. */
export const slackTestEnv = (apiUrl: string): Record<string, string> => ({
  PORT: '0',
  HOST: '127.0.0.1',
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_BOT_TOKEN: 'xoxb-test-token',
  SLACK_API_URL: apiUrl,
  SLACK_BOT_ID: BOT_ID,
  SLACK_BOT_USER_ID: BOT_USER,
  WHICH_TOOL_SCHEDULER: 'off',
  WHICH_TOOL_LOG_LEVEL: 'silent',
  // One test person sends every request of a file; the rate-limit tests set their own.
  WHICH_TOOL_RATE_LIMIT: '0',
});

export async function startSlackServer(apiUrl: string, env: Record<string, string> = {}): Promise<SlackTestServer> {
  const config = loadConfig({ ...slackTestEnv(apiUrl), ...env });
  const store = new MemoryStore();
  const server = await startServer({ config, catalog: testCatalog(), log: silentLogger(), store });
  return { server, store, personKey: personKeys(config.historySecret, 'slack'), stop: () => server.stop() };
}


/** A test file's Slack: a stand-in Web API and the real server pointed at it, calls reset per test. */
export function useSlackServer(): { readonly slack: SlackStandIn; readonly app: SlackTestServer } {
  const env = {} as { slack: SlackStandIn; app: SlackTestServer };
  beforeAll(async () => {
    env.slack = await new SlackStandIn().start();
    env.app = await startSlackServer(env.slack.apiUrl);
  });
  afterAll(async () => {
    await env.app?.stop();
    await env.slack?.stop();
  });
  beforeEach(() => {
    if (env.slack) env.slack.calls.length = 0;
  });
  return env;
}
