// The server opens the SQLite store at WHICH_TOOL_DB and, with the scheduler on, sends on
// start-up a digest that was missed while it was down (within the grace window).
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/log/logger.js';
import { startServer } from '../../src/server/start.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { shippedCatalog } from '../helpers/catalog.js';
import { perChannel, slackStandIn, tempDbPath } from './stand-ins.js';

describe('server wiring', () => {
  it('catches up a digest missed an hour ago on start-up, once across two restarts', async () => {
    const api = await slackStandIn();
    const db = tempDbPath();
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    const seed = openSqliteStore({ path: db, logRequestText: false, retentionDays: 90, log: silentLogger() });
    await seed.digest.upsertSubscription(
      { platform: 'slack', workspace: 'T1', channel: 'CMISSED', schedule: `${hourAgo.getUTCMinutes()} ${hourAgo.getUTCHours()} * * *`, timeZone: 'UTC' },
      new Date(Date.now() - 3 * 86_400_000),
    );
    seed.close();
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', WHICH_TOOL_DB: db, SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-wiring', SLACK_API_URL: api.url, WHICH_TOOL_LOG_LEVEL: 'silent' });
    for (let restart = 0; restart < 2; restart++) {
      const server = await startServer({ config, catalog: shippedCatalog(), log: silentLogger() });
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      await expect.poll(() => api.accepted.length, { timeout: 10_000 }).toBe(1);
      await server.stop();
    }
    expect(perChannel(api.accepted)).toEqual(new Map([['CMISSED', 1]]));
    await api.close();
  });
});
