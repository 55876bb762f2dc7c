// A hand-damaged row in the server's SQLite file, under the real server process: the row is read
// with its schema (src/store/rows/), so the digest command that meets it gets a polite card and the
// scheduler's run a logged, coded error naming the table and the column, never the value; the
// process serves on.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { ensureBuilt, ROOT } from '../digest/built-cli.js';
import { tempDbPath } from '../digest/stand-ins.js';
import { slashCommand } from '../slack/helpers/payloads.js';
import { postToSlackRoute } from '../slack/helpers/signed.js';
import { SlackStandIn } from '../slack/helpers/stand-in.js';
import { SECRETS } from './fixture.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const MAIN = join(ROOT, 'dist', 'src', 'server', 'main.js');
const CHANNEL = 'C0CORRUPT';
const DAMAGE = 'yesterday';

beforeAll(() => ensureBuilt(), 120_000);

/** A daily digest that fell due two minutes ago, its created_at then overwritten with text by another connection. */
async function damagedDatabase(): Promise<string> {
  const path = tempDbPath();
  const due = new Date(Date.now() - 120_000);
  const store = openSqliteStore({ path, logRequestText: false, retentionDays: 90, log: silentLogger() });
  await store.digest.upsertSubscription(
    { platform: 'slack', workspace: 'T0TEAM1', channel: CHANNEL, schedule: `${due.getUTCMinutes()} ${due.getUTCHours()} * * *`, timeZone: 'UTC' },
    new Date(Date.now() - 2 * 86_400_000),
  );
  store.close();
  const raw = new Database(path);
  raw.prepare('UPDATE subscriptions SET created_at = ? WHERE channel = ?').run(DAMAGE, CHANNEL);
  raw.close();
  return path;
}

/** Log records at error level, by message. */
const errors = (output: string): { msg: string; err?: { message?: string } }[] =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: number; msg: string; err?: { message?: string } })
    .filter((l) => l.level >= 50);

describe('a corrupt row under the server process', () => {
  let slack: SlackStandIn;
  let server: ServerProcess;

  beforeAll(async () => {
    slack = await new SlackStandIn().start();
    server = await startServerProcess(MAIN, ROOT, {
      PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', WHICH_TOOL_DB: await damagedDatabase(), WHICH_TOOL_RATE_LIMIT: '0',
      SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: slack.apiUrl,
    });
  }, 60_000);

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await slack?.stop();
  });

  const slash = (text: string) => postToSlackRoute(server.url, { ...slashCommand(text, slack.responseUrl('corrupt'), CHANNEL), secret: SECRETS.SLACK_SIGNING_SECRET });

  it('answers the digest command that reads the row politely, and everything else as usual', async () => {
    expect((await slash('digest')).status).toBe(200);
    const [reply] = await slack.waitFor('response_url');
    expect(JSON.stringify(reply!.body)).toContain('That didn’t work');
    const answer = await slash('300 product shots a month for the shop');
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.json).toLowerCase()).toContain('image');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });

  it('logs the coded error for the command and for the scheduler’s run, naming table and column, not the value', async () => {
    await expect.poll(() => errors(server.output()).map((e) => e.msg), { timeout: 10_000 }).toEqual(expect.arrayContaining(['digest: chat command failed', 'digest: run failed; retrying']));
    for (const e of errors(server.output())) expect(e.err?.message, e.msg).toMatch(/^store: a row of subscriptions cannot be read \(created_at: /);
    expect(server.output()).not.toContain(DAMAGE);
  });
});
