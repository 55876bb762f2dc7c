// The store's file read-only, or its disk full, under the real server process: answers are
// still served on both surfaces, each problem is reported once (not per request), /healthz says
// the store is unavailable, and once the file is writable again the store is back within seconds
// (only a write that succeeds counts), /healthz says ok, and the digest that fell due meanwhile
// goes out at once.
// Read-only: the database folder and file lose their write bits (the server runs as `nobody`
// when the tests run as root, since root writes anyway), and are fixed in two steps, folder first,
// with the store trying to open the file in between: a half-fixed file must not be opened read-only
// (that left read-only -wal/-shm files behind, and the store never wrote again). Disk full: the
// database lives on a 1 MB tmpfs filled to the last byte (needs root to mount, as CI has).
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { ensureBuilt, ROOT } from '../digest/built-cli.js';
import { slackStandIn, type StandIn } from '../digest/stand-ins.js';
import { slashCommand } from '../slack/helpers/payloads.js';
import { postToSlackRoute } from '../slack/helpers/signed.js';
import { Connector, message, post } from '../teams/support.js';
import { SECRETS } from './fixture.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const MAIN = join(ROOT, 'dist', 'src', 'server', 'main.js');
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
const cleanup: (() => void)[] = [];

beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => {
  for (const c of cleanup.reverse()) c();
});

/** A fresh database with one daily Slack digest that fell due two minutes ago. */
async function seed(db: string): Promise<void> {
  const due = new Date(Date.now() - 120_000);
  const store = openSqliteStore({ path: db, logRequestText: false, retentionDays: 90, log: silentLogger() });
  await store.digest.upsertSubscription(
    { platform: 'slack', workspace: 'T0TEAM1', channel: 'C0DIGEST', schedule: `${due.getUTCMinutes()} ${due.getUTCHours()} * * *`, timeZone: 'UTC' },
    new Date(Date.now() - 2 * 86_400_000),
  );
  store.close();
}

async function start(api: StandIn, db: string, uid?: number): Promise<ServerProcess> {
  const env = {
    PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', WHICH_TOOL_DB: db, WHICH_TOOL_TEAMS_LOCAL: '1', WHICH_TOOL_RATE_LIMIT: '0',
    SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: api.url,
  };
  return startServerProcess(MAIN, ROOT, env, 15_000, uid);
}

/** 5 Slack commands and 5 Teams messages: every one must be answered. */
async function traffic(server: ServerProcess, connector: Connector): Promise<void> {
  const before = connector.received.length;
  for (let i = 0; i < 5; i++) {
    const slack = await postToSlackRoute(server.url, { ...slashCommand(`write ${i + 2} product descriptions a day`, 'http://127.0.0.1:9/r'), secret: SECRETS.SLACK_SIGNING_SECRET });
    expect(slack.status).toBe(200);
    expect(JSON.stringify(slack.json)).toMatch(/blocks/);
    expect((await post(`${server.url}/api/messages`, message(connector.url, 'personal', `a logo for shop number ${i}`))).status).toBe(200);
  }
  expect(connector.received.length - before).toBe(5);
}

/** Error lines by message: each problem may be said once, never once per request. */
function errorCounts(output: string): Map<string, number> {
  const counts = new Map<string, number>();
  // Log records only: the start-up guide for people is plain text on stderr.
  for (const l of output.split('\n').filter((x) => x.startsWith('{'))) {
    const line = JSON.parse(l) as { level: number; msg: string };
    if (line.level >= 50) counts.set(line.msg, (counts.get(line.msg) ?? 0) + 1);
  }
  return counts;
}

const storeHealth = async (server: ServerProcess): Promise<unknown> => ((await (await fetch(`${server.url}/healthz`)).json()) as { store: unknown }).store;

async function scenario(break_: () => void, fix: () => Promise<void>, db: string, uid?: number): Promise<void> {
  const api = await slackStandIn();
  const connector = await new Connector().start();
  await seed(db);
  break_();
  const server = await start(api, db, uid);
  try {
    await traffic(server, connector);
    await traffic(server, connector);
    expect(await storeHealth(server)).toBe('unavailable');
    const errors = errorCounts(server.output());
    expect(errors.size).toBeGreaterThan(0);
    for (const [msg, n] of errors) expect(n, msg).toBe(1);
    expect([...errors.keys()]).toContain('store: prune failed; trying again tomorrow');
    expect(api.accepted).toHaveLength(0);

    const fixedAt = Date.now();
    await fix();
    // The store tries again within seconds, and the scheduler runs what is due as soon as it is back.
    await expect.poll(() => api.accepted.length, { timeout: 10_000, interval: 100 }).toBe(1);
    expect(Date.now() - fixedAt).toBeLessThan(10_000);
    expect(api.accepted.map((m) => m.channel)).toEqual(['C0DIGEST']);
    expect(await storeHealth(server)).toBe('ok');
    expect(server.output()).toMatch(/database open again/);
    // And it writes: an answer now leaves its request-log row.
    await post(`${server.url}/api/messages`, message(connector.url, 'personal', 'a jingle'));
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await api.close();
    await connector.stop();
  }
  const file = new Database(db, { readonly: true });
  try {
    expect((file.prepare("SELECT COUNT(*) AS n FROM request_log WHERE surface = 'teams'").get() as { n: number }).n).toBeGreaterThanOrEqual(1);
    // Yesterday's period, missed before the subscription's first run, is recorded as skipped.
    expect((file.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sent'").get() as { n: number }).n).toBe(1);
  } finally {
    file.close();
  }
}

describe('store faults under the running server', () => {
  it('read-only database: answers go on, said once, the digest goes out once writable', async () => {
    const base = mkdtempSync(join(tmpdir(), 'which-tool-ro-'));
    cleanup.push(() => rmSync(base, { recursive: true, force: true }));
    const folder = join(base, 'data');
    const db = join(folder, 'which-tool.db');
    mkdirSync(folder);
    const owner = (uid: number) => {
      if (!asRoot) return;
      for (const p of [base, folder, db]) chownSync(p, uid, uid);
    };
    const readOnly = () => {
      owner(NOBODY);
      chmodSync(db, 0o444);
      chmodSync(folder, 0o555);
    };
    const writable = async () => {
      // In two steps, with the store's retries (every 250 ms at first) in between.
      chmodSync(folder, 0o755);
      await new Promise((r) => setTimeout(r, 1_500));
      chmodSync(db, 0o644);
    };
    chmodSync(base, 0o755);
    await scenario(readOnly, writable, db, asRoot ? NOBODY : undefined);
  });

  it('disk full: answers go on, said once, the digest goes out once there is room', async () => {
    const base = mkdtempSync(join(tmpdir(), 'which-tool-full-'));
    const folder = join(base, 'data');
    mkdirSync(folder);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', folder]);
    cleanup.push(() => {
      execFileSync('umount', ['-l', folder]);
      rmSync(base, { recursive: true, force: true });
    });
    const filler = join(folder, 'filler');
    const fill = () => {
      // Write until the disk refuses: then not one more byte fits.
      try {
        for (let i = 0; i < 1024; i++) writeFileSync(filler, Buffer.alloc(4096), { flag: 'a' });
      } catch (err) {
        expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
        return;
      }
      throw new Error('the tmpfs never filled up');
    };
    await scenario(fill, async () => rmSync(filler), join(folder, 'which-tool.db'));
  });
});
