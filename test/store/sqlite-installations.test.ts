// The Slack installation store on real SQLite files: one installation per workspace or per
// org-wide Grid organisation, the lookup that serves a workspace, replace on reinstall, remove,
// secrets sealed at rest and left out of listings, persistence across reopening, and the
// migration from a database made before installations existed.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openDatabase } from '../../src/store/open-database.js';
import { openSqliteStore, type OpenStore } from '../../src/store/sqlite.js';
import type { SecretKeys } from '../../src/config/secret-keys.js';
import { tempDbPath } from '../digest/stand-ins.js';
import { installation, orgInstallation } from './installations.js';

const KEY = Buffer.alloc(32, 7);
const opened: OpenStore[] = [];
const open = (path = tempDbPath(), secretKeys: SecretKeys = { current: KEY }): OpenStore => {
  const s = openSqliteStore({ path, logRequestText: false, retentionDays: 90, log: silentLogger(), secretKeys });
  opened.push(s);
  return s;
};
afterEach(() => opened.splice(0).forEach((s) => s.close()));

describe('SQLite installation store', () => {
  it('keeps one installation per workspace and per org-wide organisation, and finds each with its own token', async () => {
    const s = open();
    await s.installations.save(installation('T1'));
    await s.installations.save(installation('T2', { enterpriseId: 'E9', enterpriseName: 'Grid' }));
    await s.installations.save(orgInstallation('E1'));
    expect((await s.installations.find({ teamId: 'T1' }))!.botToken).toBe('xoxb-T1-token');
    expect((await s.installations.find({ teamId: 'T2', enterpriseId: 'E9' }))!.botToken).toBe('xoxb-T2-token');
    expect(await s.installations.find({ enterpriseId: 'E1', isEnterpriseInstall: true })).toEqual(orgInstallation('E1'));
    expect((await s.installations.list()).map((i) => i.key)).toEqual(['E:E1', 'T:T1', 'T:T2']);
  });

  it('serves a Grid workspace from its own installation first, else from its organisation’s org-wide one; never from another', async () => {
    const s = open();
    await s.installations.save(orgInstallation('E1'));
    await s.installations.save(installation('T1', { enterpriseId: 'E1' }));
    expect((await s.installations.find({ teamId: 'T1', enterpriseId: 'E1' }))!.botToken).toBe('xoxb-T1-token');
    expect((await s.installations.find({ teamId: 'T7', enterpriseId: 'E1' }))!.botToken).toBe('xoxb-E1-token');
    expect(await s.installations.locate({ teamId: 'T7', enterpriseId: 'E1' })).toBe('E:E1');
    // An org-wide lookup wants the organisation's installation, not a workspace's.
    expect(await s.installations.find({ teamId: 'T1', enterpriseId: 'E2', isEnterpriseInstall: true })).toBeUndefined();
    expect(await s.installations.find({ teamId: 'T7' })).toBeUndefined();
    expect(await s.installations.find({ teamId: 'T7', enterpriseId: 'E2' })).toBeUndefined();
    expect(await s.installations.find({})).toBeUndefined();
    // An installation naming neither its workspace nor, org-wide, its organisation has no key.
    await expect(s.installations.save(installation('T9', { teamId: null }))).rejects.toMatchObject({ code: 'slack_installation_invalid' });
  });

  it('replaces an installation on reinstall (new token, same install date) and removes exactly the one named', async () => {
    const s = open();
    await s.installations.save(installation('T1'));
    await s.installations.save(orgInstallation('E1'));
    await s.installations.save(installation('T1', { botToken: 'xoxe.xoxb-T1-new', botRefreshToken: 'xoxe-1-refresh', botExpiresAt: 1_800_000_000, installedAt: new Date('2026-12-01T00:00:00Z') }));
    const t1 = (await s.installations.find({ teamId: 'T1' }))!;
    expect(t1).toMatchObject({ botToken: 'xoxe.xoxb-T1-new', botRefreshToken: 'xoxe-1-refresh', botExpiresAt: 1_800_000_000 });
    expect(t1.installedAt).toEqual(new Date('2026-11-30T12:00:00Z'));
    expect(await s.installations.remove({ teamId: 'T1', enterpriseId: 'E1' })).toBe(true);
    expect(await s.installations.remove({ teamId: 'T1' })).toBe(false);
    // Removing a workspace's installation never removes its organisation's.
    expect(await s.installations.locate({ teamId: 'T1', enterpriseId: 'E1' })).toBe('E:E1');
    expect(await s.installations.remove({ enterpriseId: 'E1', isEnterpriseInstall: true })).toBe(true);
    expect(await s.installations.list()).toEqual([]);
  });

  it('seals tokens at rest with the key, keeps them out of listings, and keeps them across reopening', async () => {
    const path = tempDbPath();
    const s = open(path);
    await s.installations.save(installation('T1', { botToken: 'xoxb-plain-looking-token-1', botRefreshToken: 'xoxe-1-plain-looking-refresh' }));
    const raw = s.db.prepare('SELECT bot_token, bot_refresh_token FROM slack_installations').get() as { bot_token: string; bot_refresh_token: string };
    expect(raw.bot_token).toMatch(/^enc:v1:[0-9a-f]{12}:/);
    expect(raw.bot_refresh_token).toMatch(/^enc:v1:/);
    const [listed] = await s.installations.list();
    expect(JSON.stringify(listed)).not.toMatch(/xox/);
    s.close();
    expect(readFileSync(path).toString('latin1')).not.toContain('plain-looking');
    const again = open(path);
    expect((await again.installations.find({ teamId: 'T1' }))!.botRefreshToken).toBe('xoxe-1-plain-looking-refresh');
  });

  it('without a key stores tokens as given (and says so at start-up, see config); a key set later seals them at reseal', async () => {
    const path = tempDbPath();
    const plain = open(path, {});
    await plain.installations.save(installation('T1'));
    expect((plain.db.prepare('SELECT bot_token FROM slack_installations').get() as { bot_token: string }).bot_token).toBe('xoxb-T1-token');
    expect(await plain.installations.reseal()).toBe(0);
    plain.close();
    const keyed = open(path, { current: KEY });
    expect(await keyed.installations.reseal()).toBe(1);
    expect((keyed.db.prepare('SELECT bot_token FROM slack_installations').get() as { bot_token: string }).bot_token).toMatch(/^enc:v1:/);
    expect(await keyed.installations.reseal()).toBe(0);
    expect((await keyed.installations.find({ teamId: 'T1' }))!.botToken).toBe('xoxb-T1-token');
  });

  it('migrates a database made before installations existed, keeping its subscriptions', async () => {
    const path = tempDbPath();
    const old = openDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version === 1) });
    old.prepare("INSERT INTO subscriptions (id, platform, workspace, channel, schedule, time_zone, created_at, updated_at) VALUES ('sub_1', 'slack', 'T1', 'C1', '0 9 * * 1', 'UTC', 1, 1)").run();
    old.close();
    const s = open(path);
    expect((await s.digest.getSubscription('sub_1'))).toMatchObject({ workspace: 'T1', channel: 'C1', status: 'active' });
    expect((await s.digest.getSubscription('sub_1'))!.enterprise).toBeUndefined();
    const sub = await s.digest.upsertSubscription({ platform: 'slack', workspace: 'T2', enterprise: 'E1', channel: 'C2', schedule: '0 9 * * 1', timeZone: 'UTC' }, new Date());
    expect(sub.enterprise).toBe('E1');
    await s.digest.pauseSubscription(sub.id, 'app_not_installed');
    await s.digest.resumeSubscription(sub.id);
    expect((await s.digest.getSubscription(sub.id))).toMatchObject({ status: 'active', pausedReason: null, enterprise: 'E1' });
  });
});
