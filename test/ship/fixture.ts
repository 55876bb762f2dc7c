// The whole server in-process, as production wires it (Slack over HTTP, Teams unauthenticated,
// the SQLite store), with local stand-ins for Slack's API and the Teams connector, and every
// log line captured.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/config.js';
import { loadCatalog } from '../../src/core/catalog.js';
import { createLogger } from '../../src/log/logger.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { SlackStandIn } from '../slack/helpers/stand-in.js';
import { Connector } from '../teams/support.js';

export const SECRETS = {
  SLACK_SIGNING_SECRET: 'ship-signing-secret-7f3a9c2e51d04b68',
  SLACK_BOT_TOKEN: 'xoxb-ship-bot-token-4e8d1a2b9c7f',
  MICROSOFT_APP_PASSWORD: 'ship-app-password-0b5c6d7e8f9a',
};

export interface Shipped {
  readonly server: RunningServer;
  readonly slack: SlackStandIn;
  readonly connector: Connector;
  readonly dir: string;
  readonly lines: string[];
  /** Parsed JSON log lines. */
  logs(): Record<string, unknown>[];
  stop(): Promise<void>;
}

export async function startShipped(env: Record<string, string> = {}): Promise<Shipped> {
  const slack = await new SlackStandIn().start();
  const connector = await new Connector().start();
  const dir = mkdtempSync(join(tmpdir(), 'which-tool-ship-'));
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET,
    SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    WHICH_TOOL_DB: join(dir, 'which-tool.db'),
    WHICH_TOOL_SCHEDULER: 'off',
    // Teams activities here come unauthenticated from this machine: local mode, asked for.
    WHICH_TOOL_TEAMS_LOCAL: '1',
    // One test person sends every request; the rate-limit tests set their own.
    WHICH_TOOL_RATE_LIMIT: '0',
    ...env,
  });
  const server = await startServer({ config, catalog: loadCatalog(), log: createLogger(config.logLevel, sink) });
  let stopped = false;
  return {
    server,
    slack,
    connector,
    dir,
    lines,
    logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    async stop() {
      if (!stopped) await server.stop(1_000);
      stopped = true;
      await slack.stop();
      await connector.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A raw POST whose body is sent in two parts, so a test can act while it is in flight.
 * `finish()` sends the rest; `response` resolves with the status and body.
 */
export function slowPost(url: string, body: string, headers: Record<string, string> = {}) {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  let resolveResponse!: (r: { status: number; body: string }) => void;
  let rejectResponse!: (e: Error) => void;
  const response = new Promise<{ status: number; body: string }>((ok, fail) => ((resolveResponse = ok), (rejectResponse = fail)));
  const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(bytes.length), ...headers } }, (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (c: string) => (text += c));
    res.on('end', () => resolveResponse({ status: res.statusCode ?? 0, body: text }));
    res.on('error', rejectResponse);
  });
  req.on('error', rejectResponse);
  const started = new Promise<void>((ok) => req.write(bytes.subarray(0, half), () => ok()));
  return { started, finish: () => req.end(bytes.subarray(half)), response, abort: () => req.destroy() };
}
