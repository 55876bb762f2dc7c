// Finding 10 (low): the database files were created world-readable (0644, in a 0755 folder), and
// the App Home history key was a plain SHA-256 of team and user id, which a copy of the file alone
// can be searched with. Now the folder is created 0700 and the files 0600, and the key is an HMAC
// with a deployment secret (WHICH_TOOL_HISTORY_SECRET, else derived from Slack's signing secret).
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../digest/built-cli.js';
import { SECRETS } from '../ship/fixture.js';
import { slashCommand, TEAM, USER } from '../slack/helpers/payloads.js';
import { postToSlackRoute } from '../slack/helpers/signed.js';
import { SlackStandIn } from '../slack/helpers/stand-in.js';
import { baseEnv, scratch, serve } from './support.js';

const db = scratch();
beforeAll(() => ensureBuilt(), 120_000);

const mode = (p: string): string => (statSync(p).mode & 0o777).toString(8);

async function historyKey(path: string, extra: Record<string, string>): Promise<{ key: string; modes: Record<string, string> }> {
  const slack = await new SlackStandIn().start();
  const server = await serve({ ...baseEnv(path), HOST: '127.0.0.1', SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: slack.apiUrl, ...extra });
  let modes: Record<string, string>;
  try {
    expect((await postToSlackRoute(server.url, { ...slashCommand('a catchy jingle for a radio ad', slack.responseUrl('h')), secret: SECRETS.SLACK_SIGNING_SECRET })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    modes = { folder: mode(dirname(path)), file: mode(path), wal: mode(`${path}-wal`), shm: mode(`${path}-shm`) };
  } finally {
    await server.stop();
    await slack.stop();
  }
  const file = new Database(path, { readonly: true });
  try {
    return { key: (file.prepare('SELECT user_key FROM history').get() as { user_key: string }).user_key, modes };
  } finally {
    file.close();
  }
}

describe('the database on disk', () => {
  it('is created owner-only, and keys history with a deployment secret, not a plain hash of team and user', async () => {
    const byDefault = await historyKey(db(), {});
    expect(byDefault.modes).toEqual({ folder: '700', file: '600', wal: '600', shm: '600' });
    const named = (await historyKey(db(), { WHICH_TOOL_HISTORY_SECRET: 'deployment-secret-aaaaaaaa' })).key;
    const plain = createHash('sha256').update(`slack:${TEAM}:${USER}`).digest('hex');
    expect(byDefault.key).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([plain, byDefault.key, named]).size).toBe(3);
  });
});
