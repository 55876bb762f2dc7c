// The store's file read-only, or its disk full, under the real server process: answers are
// still served on both surfaces, the problem is reported once (not per request), and the
// digest that fell due meanwhile goes out once the store is writable again.
// Read-only: the database folder and file lose their write bits (the server runs as `nobody`
// when the tests run as root, since root writes anyway). Disk full: the database lives on a
// 1 MB tmpfs filled to the last byte (needs root to mount, as CI has).
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
let connector: Connector;

beforeAll(async () => {
  ensureBuilt();
  connector = await new Connector().start();
}, 120_000);
afterAll(async () => {
  for (const c of cleanup.reverse()) c();
  await connector.stop();
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
    PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', WHICH_TOOL_DB: db,
    SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: api.url,
  };
  return startServerProcess(MAIN, ROOT, env, 15_000, uid);
}

/** 10 Slack commands and 10 Teams messages: every one must be answered. */
async function traffic(server: ServerProcess): Promise<void> {
  const before = connector.received.length;
  for (let i = 0; i < 10; i++) {
    const slack = await postToSlackRoute(server.url, { ...slashCommand(`write ${i + 2} product descriptions a day`, 'http://127.0.0.1:9/r'), secret: SECRETS.SLACK_SIGNING_SECRET });
    expect(slack.status).toBe(200);
    expect(JSON.stringify(slack.json)).toMatch(/blocks/);
    expect((await post(`${server.url}/api/messages`, message(connector.url, 'personal', `a logo for shop number ${i}`))).status).toBe(200);
  }
  expect(connector.received.length - before).toBeGreaterThanOrEqual(10);
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

async function scenario(break_: () => void, fix: () => void, db: string, uid?: number): Promise<void> {
  const api = await slackStandIn();
  await seed(db);
  break_();
  const server = await start(api, db, uid);
  try {
    await traffic(server);
    await traffic(server);
    const errors = errorCounts(server.output());
    expect(errors.size).toBeGreaterThan(0);
    for (const [msg, n] of errors) expect(n, msg).toBe(1);
    expect(api.accepted).toHaveLength(0);

    fix();
    // The store retries its file every 30 s and the scheduler ticks every minute.
    const deadline = Date.now() + 130_000;
    while (api.accepted.length === 0 && Date.now() < deadline) {
      await post(`${server.url}/api/messages`, message(connector.url, 'personal', 'a jingle'));
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(api.accepted.map((m) => m.channel)).toEqual(['C0DIGEST']);
    expect(server.output()).toMatch(/database open again|writes succeed again|runs work again/);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await api.close();
  }
  const store = openSqliteStore({ path: db, logRequestText: false, retentionDays: 90, log: silentLogger() });
  // Yesterday's period, missed before the subscription's first run, is recorded as skipped.
  expect((await store.digest.listDeliveries()).filter((d) => d.status === 'sent')).toHaveLength(1);
  store.close();
}

describe('store faults under the running server', () => {
  it.concurrent('read-only database: answers go on, said once, the digest goes out once writable', async () => {
    const base = mkdtempSync(join(tmpdir(), 'which-tool-ro-'));
    cleanup.push(() => rmSync(base, { recursive: true, force: true }));
    const folder = join(base, 'data');
    const db = join(folder, 'which-tool.db');
    mkdirSync(folder);
    const owner = (uid: number) => {
      if (!asRoot) return;
      for (const p of [base, folder]) chownSync(p, uid, uid);
      for (const f of ['', '-wal', '-shm']) {
        try {
          chownSync(db + f, uid, uid);
        } catch {
          // -wal and -shm exist only while open
        }
      }
    };
    const readOnly = () => {
      owner(NOBODY);
      chmodSync(db, 0o444);
      chmodSync(folder, 0o555);
    };
    const writable = () => {
      chmodSync(folder, 0o755);
      chmodSync(db, 0o644);
    };
    chmodSync(base, 0o755);
    await scenario(readOnly, writable, db, asRoot ? NOBODY : undefined);
  }, 200_000);

  it.concurrent('disk full: answers go on, said once, the digest goes out once there is room', async () => {
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
    await scenario(fill, () => rmSync(filler), join(folder, 'which-tool.db'));
  }, 200_000);
});
