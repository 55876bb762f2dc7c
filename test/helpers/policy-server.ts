// The real server (startServer: node:http, Bolt's HTTPReceiver, the Bot Framework adapter in
// local mode, SQLite) under a policy file, pointed at a Slack stand-in and a Teams connector
// stand-in on 127.0.0.1; and the policy log read back from the database file, as the owners' report reads it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/log/logger.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { BOT_ID, BOT_USER } from '../slack/helpers/payloads.js';
import { SIGNING_SECRET } from '../slack/helpers/signed.js';
import { testCatalog } from '../slack/helpers/server.js';
import { SlackStandIn } from '../slack/helpers/stand-in.js';
import { Connector } from '../teams/support.js';
import { policyFile, toolsOf } from './policy.js';

/**
 * One file for every rule the surfaces must keep: a kind with every tool prohibited (images), a
 * data rule that allows no tool (health), two named tools of opposite status, an access page.
 */
export const SURFACE_POLICY = {
  name: 'Initech AI policy',
  unlisted: 'approved',
  tools: [
    ...toolsOf('image').map((name) => ({ name, status: 'prohibited', note: 'under legal review' })),
    { name: 'GitHub Copilot', status: 'approved' },
    { name: 'Cursor', status: 'prohibited', note: 'sends code to a third party' },
    { name: 'Suno AI', status: 'review' },
  ],
  data: [{ class: 'health', allow: [], note: 'no patient data in any AI tool' }],
  access: { url: 'https://it.initech.example/ai-access' },
};

/** Catalog names the policy prohibits: no card may show them, except where a request named one. */
export const PROHIBITED = SURFACE_POLICY.tools.filter((t) => t.status === 'prohibited').map((t) => t.name);

export interface PolicedServer {
  readonly server: RunningServer;
  readonly slack: SlackStandIn;
  readonly connector: Connector;
  readonly db: string;
  /** The policy log's rows, as written so far. */
  policyLog(): { kind: string; subject: string; status: string | null; surface: string; workspace: string }[];
}

export function usePolicedServer(policy: unknown = SURFACE_POLICY): PolicedServer {
  const env = {} as { server: RunningServer; slack: SlackStandIn; connector: Connector; db: string; dir: string };
  beforeAll(async () => {
    env.slack = await new SlackStandIn().start();
    env.connector = await new Connector().start();
    env.dir = mkdtempSync(join(tmpdir(), 'which-tool-policed-'));
    env.db = join(env.dir, 'which-tool.db');
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: env.slack.apiUrl,
      SLACK_BOT_ID: BOT_ID,
      SLACK_BOT_USER_ID: BOT_USER,
      WHICH_TOOL_SCHEDULER: 'off',
      WHICH_TOOL_RATE_LIMIT: '0',
      // Slack on makes Teams opt-in: local mode, as for the Agents Playground.
      WHICH_TOOL_TEAMS_LOCAL: '1',
      WHICH_TOOL_DB: env.db,
      WHICH_TOOL_POLICY: policyFile(`surfaces-${process.pid}-${Date.now()}.json`, policy),
    });
    env.server = await startServer({ config, catalog: testCatalog(), log: silentLogger() });
  });
  afterAll(async () => {
    await env.server?.stop();
    await env.slack?.stop();
    await env.connector?.stop();
    if (env.dir) rmSync(env.dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    if (env.slack) env.slack.calls.length = 0;
    env.connector?.clear();
  });
  return {
    get server() {
      return env.server;
    },
    get slack() {
      return env.slack;
    },
    get connector() {
      return env.connector;
    },
    get db() {
      return env.db;
    },
    policyLog() {
      const db = new Database(env.db, { readonly: true });
      try {
        return db.prepare('SELECT kind, subject, status, surface, workspace FROM policy_log ORDER BY id').all() as ReturnType<PolicedServer['policyLog']>;
      } finally {
        db.close();
      }
    },
  };
}
