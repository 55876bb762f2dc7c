// The corrections service on a real SQLite file: what a correction keeps (never the raw user id;
// the text only when the deployment keeps text), the per-person limit and flagging, decisions,
// and who counts as an owner.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, isOwner } from '../../src/config/config.js';
import { CorrectionError, ErrorCode } from '../../src/core/errors.js';
import { correctionUserKey } from '../../src/corrections/service.js';
import { teachingSet } from '../../src/corrections/teaching.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { correct, GLIMMER, openService, type Opened } from './helpers.js';

const opened: Opened[] = [];
const open = (...args: Parameters<typeof openService>): Opened => {
  const o = openService(...args);
  opened.push(o);
  return o;
};
afterEach(() => opened.splice(0).forEach((o) => o.store.close()));

describe('recording a correction', () => {
  it('keeps the request, what was answered and chosen, the versions, and a hash instead of the user id', async () => {
    const { service, path, store } = open();
    const r = await correct(service, GLIMMER, 'video', 'U0SECRET', 'marketing');
    expect(r.canTeach).toBe(true);
    expect(r.message).toMatch(/needed a video generator.*owners review it, with the text of your request/);
    const c = (await service.get(r.correction.id))!;
    expect(c).toMatchObject({
      text: GLIMMER, status: 'pending', flagged: false, surface: 'slack', workspace: 'T1',
      answered: { category: 'image', industry: null }, chosen: { category: 'video', industry: 'marketing' },
      userKey: correctionUserKey('slack', 'T1', 'U0SECRET'), decidedBy: null, decidedAt: null,
    });
    expect(c.catalogVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(c.modelVersion).toMatch(/^[0-9a-f]{12}$/);
    store.close();
    const raw = new Database(path, { readonly: true });
    expect(JSON.stringify(raw.prepare('SELECT * FROM corrections').all())).not.toContain('U0SECRET');
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    raw.close();
  });

  it('with WHICH_TOOL_STORE_TEXT=off keeps only the change of kind, says so, and teaches nothing once accepted', async () => {
    const { service, store } = open({ keepText: false });
    const r = await correct(service, GLIMMER, 'video');
    expect(r.canTeach).toBe(false);
    expect(r.message).toMatch(/keeps no request text.*cannot teach/);
    expect((await service.get(r.correction.id))!.text).toBeNull();
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM corrections WHERE text IS NOT NULL').get()).toEqual({ n: 0 });
    await service.accept([r.correction.id], 'cli:owner');
    expect(await service.list('accepted')).toHaveLength(1);
    expect(await teachingSet(store.corrections)).toEqual([]);
  });

  it('refuses a kind or industry that does not exist', async () => {
    const { service } = open();
    await expect(correct(service, GLIMMER, 'hologram' as never)).rejects.toThrow(CorrectionError);
    await expect(correct(service, GLIMMER, 'video', 'U1', 'bakery' as never)).rejects.toThrow(/known kind/);
    expect(await service.list()).toEqual([]);
  });
});

describe('the per-person limit', () => {
  it('takes 10 an hour, refuses the 11th politely, flags the sender, and lets others through', async () => {
    let now = new Date('2026-12-03T10:00:00Z');
    const { service } = open({ now: () => now });
    for (let i = 0; i < 10; i++) {
      await correct(service, `glimmerpost number ${i} for the launch`, 'video', 'UFLOOD');
      now = new Date(now.getTime() + 60_000);
    }
    let refused: unknown;
    try {
      await correct(service, 'one more glimmerpost', 'video', 'UFLOOD');
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(CorrectionError);
    expect((refused as CorrectionError).code).toBe(ErrorCode.CorrectionRateLimited);
    expect((refused as Error).message).toMatch(/^Thanks, but that is more than the 10 corrections one person can send in an hour/);
    expect(await service.list()).toHaveLength(10);
    expect((await service.list()).every((c) => c.flagged)).toBe(true);
    // Someone else is not limited by the flood, nor flagged.
    expect((await correct(service, GLIMMER, 'video', 'UOTHER')).correction.flagged).toBe(false);
    // An hour on, the sender may correct again; what they send stays flagged for the owners.
    now = new Date(now.getTime() + 3_600_000);
    expect((await correct(service, 'glimmerpost again', 'video', 'UFLOOD')).correction.flagged).toBe(true);
  });

  it('accept --all leaves flagged corrections for a decision one by one', async () => {
    const { service } = open({ perHour: 1 });
    const flood = (await correct(service, GLIMMER, 'video', 'UFLOOD')).correction;
    await expect(correct(service, 'another glimmerpost', 'video', 'UFLOOD')).rejects.toThrow(CorrectionError);
    const fine = (await correct(service, 'the zintaro deck', 'llm', 'UOTHER')).correction;
    const all = await service.acceptAll('cli:owner');
    expect(all.decided.map((c) => c.id)).toEqual([fine.id]);
    expect(all.skippedFlagged.map((c) => c.id)).toEqual([flood.id]);
    expect((await service.accept([flood.id], 'cli:owner')).decided[0]!.status).toBe('accepted');
  });

  it('0 turns the limit off', async () => {
    const { service } = open({ perHour: 0 });
    for (let i = 0; i < 15; i++) await correct(service, `glimmerpost ${i}`, 'video', 'UFLOOD');
    expect(await service.list()).toHaveLength(15);
    expect((await service.list()).filter((c) => c.flagged)).toEqual([]);
  });
});

describe('decisions', () => {
  it('accepts and rejects by id, records who and when, reports unknown ids, and tells listeners only about changes', async () => {
    const { service } = open();
    const a = (await correct(service, GLIMMER, 'video')).correction;
    let told = 0;
    service.onDecided(() => told++);
    const accepted = await service.accept([a.id, 'cor_nope'], 'cli:dana');
    expect(accepted.unknown).toEqual(['cor_nope']);
    expect(accepted.decided[0]).toMatchObject({ id: a.id, status: 'accepted', decidedBy: 'cli:dana' });
    expect(accepted.decided[0]!.decidedAt).toBeInstanceOf(Date);
    await service.accept([a.id], 'cli:dana');
    expect(told).toBe(1);
    expect(await teachingSet({ list: (s) => service.list(s) })).toEqual([{ id: a.id, text: GLIMMER, chosen: 'video', industry: null }]);
    await service.reject([a.id], 'cli:lee');
    expect(told).toBe(2);
    expect(await service.get(a.id)).toMatchObject({ status: 'rejected', decidedBy: 'cli:lee' });
    expect(await teachingSet({ list: (s) => service.list(s) })).toEqual([]);
  });
});

describe('owners', () => {
  it('WHICH_TOOL_OWNERS names users, AAD objects and groups; isOwner matches any id a person has, ignoring case', async () => {
    const config = loadConfig({ WHICH_TOOL_OWNERS: ' U0OWNER, 8f1c2d3e-AAAA-4bbb-8ccc-0123456789ab ,S0GROUP,' });
    expect([...config.owners]).toEqual(['u0owner', '8f1c2d3e-aaaa-4bbb-8ccc-0123456789ab', 's0group']);
    expect(isOwner(config.owners, 'U0OWNER')).toBe(true);
    expect(isOwner(config.owners, '8F1C2D3E-aaaa-4BBB-8ccc-0123456789AB')).toBe(true);
    expect(isOwner(config.owners, 'U0DANA', 'S0GROUP')).toBe(true);
    expect(isOwner(config.owners, 'U0DANA', undefined, null, '')).toBe(false);
    expect(isOwner(loadConfig({}).owners, 'U0OWNER')).toBe(false);
    const { service } = open({ owners: config.owners });
    expect(service.isOwner('u0owner')).toBe(true);
    expect(service.isOwner('U0DANA')).toBe(false);
  });

  it('reads the other corrections variables, with their defaults, and names a bad one', async () => {
    expect(loadConfig({})).toMatchObject({ storeText: true, corrections: { perHour: 10, learnSeconds: 20 } });
    expect(loadConfig({ WHICH_TOOL_STORE_TEXT: 'off', WHICH_TOOL_CORRECTION_LIMIT: '3', WHICH_TOOL_LEARN_SECONDS: '0' })).toMatchObject({
      storeText: false, corrections: { perHour: 3, learnSeconds: 0 },
    });
    expect(() => loadConfig({ WHICH_TOOL_STORE_TEXT: 'maybe' })).toThrow(/WHICH_TOOL_STORE_TEXT/);
    expect(() => loadConfig({ WHICH_TOOL_OWNERS: 'U1, two words' })).toThrow(/WHICH_TOOL_OWNERS/);
    expect(() => loadConfig({ WHICH_TOOL_LEARN_SECONDS: '-1' })).toThrow(/WHICH_TOOL_LEARN_SECONDS/);
  });
});
