// `which-tool policy report`: counts for the policy's owners from what the store recorded when
// answers were logged (real core, real policy, a real SQLite file or a real Postgres with
// DATABASE_URL), read by the built CLI.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/core/policy/load.js';
import { applyPolicy } from '../../src/core/policy/apply.js';
import { silentLogger } from '../../src/log/logger.js';
import { sqliteAsStore } from '../../src/store/open.js';
import { openPostgresStore } from '../../src/store/pg/open.js';
import { requestLogEntry } from '../../src/store/request-entry.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { recommender, shippedCatalog } from '../helpers/catalog.js';
import { runCli } from '../helpers/cli.js';
import { ACME } from '../helpers/policy.js';
import { freshDatabase } from '../helpers/postgres.js';
import { tempDbPath } from '../digest/stand-ins.js';

const DAY = 86_400_000;
const common = { logRequestText: false, retentionDays: 90, log: silentLogger() };

/** Where the servers logged their answers, and the environment that points the CLI there. */
interface Backend {
  readonly open: () => Promise<{ store: Store; env: Record<string, string> }>;
}
const BACKENDS: Record<string, Backend> = {
  SQLite: {
    open: async () => {
      const path = tempDbPath();
      return { store: sqliteAsStore(openSqliteStore({ path, ...common })), env: { WHICH_TOOL_DB: path, DATABASE_URL: '' } };
    },
  },
  Postgres: {
    open: async () => {
      const url = await freshDatabase('policy_report');
      return { store: await openPostgresStore({ url, ...common }), env: { DATABASE_URL: url } };
    },
  },
};

describe.each(Object.entries(BACKENDS))('which-tool policy report on %s', (_name, backend) => {
  let env: Record<string, string>;

  beforeAll(async () => {
    const opened = await backend.open();
    const store = opened.store;
    env = opened.env;
    const r = recommender();
    const policy = loadPolicy(ACME, shippedCatalog());
    const log = (q: string, daysAgo: number): void => {
      const at = new Date(Date.now() - daysAgo * DAY);
      store.surface.logRequest(requestLogEntry(applyPolicy(r.ask(q), policy), { surface: 'slack', workspace: 'T1', channel: 'C1', at }, false));
    };
    log('is Midjourney ok for the ad?', 1); // image: Firefly approved; Midjourney named, prohibited
    log("make a poster from the patient's chart", 1); // image: a data rule leaves nothing; health
    log("make a poster from the patient's chart", 2);
    log('make a jingle for our bakery', 2); // audio: only tools under review
    log('cursor or windsurf for the refactor?', 3); // code: restricted GPT-4o at best; two named under review
    log('make a jingle for our bakery', 30); // outside the default week
    store.surface.recordAccessRequest({ at: new Date(Date.now() - DAY), surface: 'teams', workspace: 'tenant', subject: 'Cursor' });
    store.surface.recordAccessRequest({ at: new Date(Date.now() - DAY), surface: 'slack', workspace: 'T1', subject: 'Cursor' });
    await store.close();
  });

  it('--json counts, for the last 7 days, answers with no approved tool, named tools, access requests and data mentions', () => {
    const r = runCli(['policy', 'report', '--json'], undefined, env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.requests).toBe(5);
    expect(report.noApproved.total).toBe(4);
    expect(report.noApproved.byCategory).toEqual([
      { category: 'image', total: 2, restricted: 0, review: 0, prohibited: 0, data: 2 },
      { category: 'audio', total: 1, restricted: 0, review: 1, prohibited: 0, data: 0 },
      { category: 'code', total: 1, restricted: 1, review: 0, prohibited: 0, data: 0 },
    ]);
    expect(report.named).toEqual([
      { name: 'Cursor', status: 'review', count: 1 },
      { name: 'Midjourney v6', status: 'prohibited', count: 1 },
      { name: 'Windsurf', status: 'review', count: 1 },
    ]);
    expect(report.access).toEqual([{ subject: 'Cursor', count: 2 }]);
    expect(report.data).toEqual([{ class: 'health', count: 2 }]);
  });

  it('--since widens the window; the text report is for people and holds no request text', () => {
    const wide = JSON.parse(runCli(['policy', 'report', '--json', '--since', '60d'], undefined, env).stdout);
    expect(wide.requests).toBe(6);
    expect(wide.noApproved.byCategory.find((c: { category: string }) => c.category === 'audio').total).toBe(2);
    const text = runCli(['policy', 'report'], undefined, env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Answered with no approved tool: 4 (80% of 5)');
    expect(text.stdout).toContain('Midjourney v6 (prohibited): 1');
    expect(text.stdout).toContain('Cursor: 2');
    expect(text.stdout).toContain('health: 2 (40% of 5)');
    expect(text.stdout).not.toMatch(/patient|jingle|poster/);
  });

  it('refuses a --since it cannot read', () => {
    const r = runCli(['policy', 'report', '--since', 'last tuesday'], undefined, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--since must be like 7d, 24h, 2w or a date/);
  });
});
