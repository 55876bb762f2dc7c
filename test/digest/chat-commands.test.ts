// The chat side of digests against a real SQLite store: set, show, change, stop, bad input.
import { afterEach, describe, expect, it } from 'vitest';
import { ChatDigestCommands } from '../../src/digest/chat-commands.js';
import { DigestRunner } from '../../src/digest/runner.js';
import type { DigestTarget } from '../../src/digest/commands.js';
import { silentLogger } from '../../src/log/logger.js';
import { cardToText } from '../../src/render/text.js';
import { openSqliteStore, type OpenStore } from '../../src/store/sqlite.js';
import { shippedCatalog } from '../helpers/catalog.js';
import { tempDbPath } from './stand-ins.js';

const stores: OpenStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

const NOW = new Date('2026-11-30T10:00:00Z'); // a Monday
function setup(): { store: OpenStore; commands: ChatDigestCommands } {
  const store = openSqliteStore({ path: tempDbPath(), logRequestText: false, retentionDays: 90, log: silentLogger() });
  stores.push(store);
  return { store, commands: new ChatDigestCommands(store.digest, silentLogger(), () => NOW) };
}
const slack: DigestTarget = { platform: 'slack', workspace: 'T1', channel: 'C1', actor: { id: 'U1', role: 'member' } };
/** The header as written, then the card as text. */
const say = async (c: ChatDigestCommands, args: string, target: DigestTarget = slack): Promise<string> => {
  const card = await c.handle(args, target);
  const header = card.elements.find((e) => e.type === 'header');
  return `${header && 'text' in header ? header.text : ''}\n${cardToText(card)}`;
};

describe('digest chat commands', () => {
  it('subscribes, shows, changes and stops the channel digest', async () => {
    const { store, commands } = setup();
    expect(await say(commands, '')).toContain('No digest here yet');
    const on = await say(commands, 'weekly monday 09:00 Europe/Berlin');
    expect(on).toContain('every Monday at 09:00 (Europe/Berlin)');
    expect(on).toContain('Next: Monday 7 December at 09:00 CET');
    expect((await store.digest.findSubscription('slack', 'C1'))).toMatchObject({ schedule: '0 9 * * 1', timeZone: 'Europe/Berlin', workspace: 'T1', status: 'active' });
    const id = (await store.digest.findSubscription('slack', 'C1'))!.id;
    expect(await say(commands, '')).toContain('every Monday at 09:00 (Europe/Berlin)');

    const changed = await say(commands, 'daily 08:30', { ...slack, userTimeZone: 'America/New_York' });
    expect(changed).toContain('Digest updated');
    expect(changed).toContain('every day at 08:30 (America/New_York)');
    expect((await store.digest.findSubscription('slack', 'C1'))?.id).toBe(id);
    expect((await store.digest.listSubscriptions())).toHaveLength(1);

    expect(await say(commands, 'off')).toContain('Digest off');
    expect((await store.digest.listSubscriptions())).toHaveLength(0);
    expect(await say(commands, 'off')).toContain('no digest to stop');
  });

  it('says when the schedule is in UTC because no time zone is known', async () => {
    const { commands } = setup();
    expect(await say(commands, 'daily 08:30')).toContain('(UTC: add a time zone');
  });

  it('answers a bad schedule with the reason and an example, and stores nothing', async () => {
    const { store, commands } = setup();
    for (const bad of ['weekly funday', 'daily 31:00', 'hourly', 'daily 09:00 Nowhere/City', `daily ${'x'.repeat(3000)}`, 'weekly <!channel> <@U123>']) {
      const text = await say(commands, bad);
      expect(text).toContain('I could not read that schedule');
      expect(text).toContain('/whichtool digest weekly monday 09:00 Europe/Berlin');
      expect(text.length).toBeLessThan(600);
    }
    expect(await say(commands, 'weekly funday', { platform: 'teams', workspace: 'tenant', channel: '19:x@thread.tacv2', actor: { id: 'aad-1', role: 'member' } })).toContain('@Which Tool digest weekly monday 09:00');
    expect(await store.digest.listSubscriptions()).toHaveLength(0);
  });

  it('shows a paused subscription with its reason and resumes it when set again', async () => {
    const { store, commands } = setup();
    await say(commands, 'weekly monday 09:00 Europe/Berlin');
    await store.digest.pauseSubscription((await store.digest.findSubscription('slack', 'C1'))!.id, 'is_archived');
    expect(await say(commands, '')).toContain('Digest paused');
    expect(await say(commands, '')).toContain('is_archived');
    await say(commands, 'weekly monday 09:00 Europe/Berlin');
    expect((await store.digest.findSubscription('slack', 'C1'))?.status).toBe('active');
  });

  it('answers politely when the store cannot be written', async () => {
    const { store, commands } = setup();
    store.db.pragma('query_only = 1');
    expect(await say(commands, 'daily 08:30')).toContain('could not be changed just now');
  });
});

describe('digest chat commands in a Teams channel thread', () => {
  it('subscribes the channel, not the thread the command was typed in', async () => {
    const { store, commands } = setup();
    await commands.handle('daily 08:30', { platform: 'teams', workspace: 'tenant', channel: '19:abc@thread.tacv2;messageid=1700000000000', actor: { id: 'aad-1', role: 'member' } });
    expect((await store.digest.findSubscription('teams', '19:abc@thread.tacv2'))?.schedule).toBe('30 8 * * *');
  });
});

describe('changing a schedule', () => {
  it('does not make a time that already passed today due at once', async () => {
    const { store } = setup();
    const first = new ChatDigestCommands(store.digest, silentLogger(), () => new Date('2026-11-01T00:00:00Z'));
    await first.handle('daily 08:00', slack);
    const later = new ChatDigestCommands(store.digest, silentLogger(), () => NOW); // 10:00 UTC
    await later.handle('daily 09:30', slack);
    const sub = (await store.digest.findSubscription('slack', 'C1'))!;
    expect(sub.createdAt).toEqual(NOW);
    const sent: string[] = [];
    const runner = new DigestRunner({ store: store.digest, catalog: shippedCatalog(), sender: { send: async (s) => (sent.push(s.channel), { kind: 'sent' }) }, log: silentLogger(), graceHours: 6 });
    expect((await runner.runDue(new Date('2026-11-30T10:01:00Z'))).sent).toEqual([]);
    expect((await runner.runDue(new Date('2026-12-01T09:30:00Z'))).sent).toEqual([sub.id]);
  });
});
