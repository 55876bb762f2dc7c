// Handlers called directly with fakes of Bolt's arguments: the digest path (which the
// end-to-end server can't reach without the digest module), text reading, and dedupe.
import { describe, expect, it } from 'vitest';
import type { DigestCommands, DigestTarget } from '../../src/digest/commands.js';
import { noticeCard } from '../../src/render/answer-card.js';
import type { SurfaceDeps } from '../../src/surface/deps.js';
import type { MemoryStore } from '../../src/store/memory-store.js';
import { plainMessageText } from '../../src/slack/message-text.js';
import { whichtoolCommand, type CommandArgs } from '../../src/slack/listeners/commands/whichtool.js';
import { appMention, type MentionArgs } from '../../src/slack/listeners/events/app-mention.js';
import { SeenEvents } from '../../src/slack/redelivery.js';
import { testDeps } from '../helpers/deps.js';

function fakeDigest(): DigestCommands & { seen: { args: string; target: DigestTarget }[] } {
  const seen: { args: string; target: DigestTarget }[] = [];
  return {
    seen,
    async handle(args, target) {
      seen.push({ args, target });
      return noticeCard('Digest on', `Weekly digest: ${args}`);
    },
  };
}

function deps(digest?: DigestCommands): SurfaceDeps & { store: MemoryStore } {
  return testDeps(digest ? { digest } : {});
}

function commandArgs(text: string, users: { info: (a: { user: string }) => Promise<unknown> }) {
  const acks: unknown[] = [];
  const responses: unknown[] = [];
  const args = {
    command: { text, team_id: 'T1', user_id: 'U1', channel_id: 'C1' },
    ack: async (r?: unknown) => void acks.push(r),
    respond: async (r: unknown) => void responses.push(r),
    client: { users },
    context: {},
  } as unknown as CommandArgs;
  return { args, acks, responses };
}

describe('/whichtool digest', () => {
  it('passes the words after "digest", the place and the user’s time zone to the digest module', async () => {
    const digest = fakeDigest();
    const { args, acks, responses } = commandArgs('digest weekly monday 09:00', { info: async () => ({ ok: true, user: { tz: 'Asia/Tokyo' } }) });
    await whichtoolCommand(deps(digest))(args);
    expect(acks).toEqual([undefined]);
    expect(digest.seen).toEqual([{ args: 'weekly monday 09:00', target: { platform: 'slack', workspace: 'T1', channel: 'C1', userTimeZone: 'Asia/Tokyo', actor: { id: 'U1', role: 'member' } } }]);
    expect(JSON.stringify(responses[0])).toContain('Weekly digest: weekly monday 09:00');
  });

  it('leaves the time zone out when users.info fails', async () => {
    const digest = fakeDigest();
    const { args } = commandArgs('DIGEST off', { info: async () => Promise.reject(new Error('missing_scope')) });
    await whichtoolCommand(deps(digest))(args);
    expect(digest.seen[0]!.args).toBe('off');
    expect(digest.seen[0]!.target.userTimeZone).toBeUndefined();
    // Nobody could say who this is: the digest module refuses changes from an unknown actor.
    expect(digest.seen[0]!.target.actor).toEqual({ id: 'U1', role: 'unknown' });
  });

  it('answers politely when the digest module fails', async () => {
    const broken: DigestCommands = { handle: async () => Promise.reject(new Error('database is locked')) };
    const { args, responses } = commandArgs('digest weekly', { info: async () => ({}) });
    await whichtoolCommand(deps(broken))(args);
    const text = JSON.stringify(responses[0]);
    expect(text).toContain('try again');
    expect(text).not.toContain('database is locked');
  });

  it('takes "@Which Tool digest off" in a channel to the digest module too', async () => {
    const digest = fakeDigest();
    const posted: Record<string, unknown>[] = [];
    const args = {
      event: { type: 'app_mention', user: 'U1', text: '<@U0BOT> digest off', ts: '1.1', channel: 'C9', team: 'T1' },
      body: { team_id: 'T1' },
      client: { users: { info: async () => ({ user: {} }) }, chat: { postMessage: async (m: Record<string, unknown>) => void posted.push(m) } },
      context: { botUserId: 'U0BOT' },
    } as unknown as MentionArgs;
    await appMention(deps(digest))(args);
    expect(digest.seen[0]).toMatchObject({ args: 'off', target: { channel: 'C9', workspace: 'T1' } });
    expect(posted[0]).toMatchObject({ channel: 'C9', thread_ts: '1.1' });
  });
});

describe('reading Slack message text', () => {
  it('turns Slack markup into the words a person typed', () => {
    expect(plainMessageText('<@U0BOT> make a logo for <@U0ANN|ann> in <#C01|design> &amp; <https://x.example|the brief> &lt;b&gt;', 'U0BOT')).toBe(
      'make a logo for @ann in #design & the brief <b>',
    );
    expect(plainMessageText('<!channel> and <!here|here> <!subteam^S1|@designers>')).toBe('@channel and @here @designers');
  });
});

describe('recording requests', () => {
  it('keeps the request text only when the admin turned text logging on', async () => {
    for (const logRequestText of [false, true]) {
      const d = { ...deps(), logRequestText };
      const { args } = commandArgs('a catchy jingle for a radio ad', { info: async () => ({}) });
      await whichtoolCommand(d)(args);
      expect(d.store.requests).toHaveLength(1);
      expect(d.store.requests[0]!.text).toBe(logRequestText ? 'a catchy jingle for a radio ad' : undefined);
      expect((await d.store.recentHistory(d.personKey('T1', 'U1'), 5)).map((h) => h.text)).toEqual(['a catchy jingle for a radio ad']);
    }
  });
});

describe('history and dedupe', () => {
  it('keys history by a keyed hash of team and user, never the raw id or a plain hash of it', async () => {
    const { createHash } = await import('node:crypto');
    const key = deps().personKey;
    const k = key('T1', 'U1');
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(k).not.toContain('U1');
    expect(k).not.toBe(createHash('sha256').update('slack:T1:U1').digest('hex'));
    expect(key('T2', 'U1')).not.toBe(k);
    expect(testDeps({}, { WHICH_TOOL_HISTORY_SECRET: 'another-deployment-secret' }).personKey('T1', 'U1')).not.toBe(k);
  });

  it('sees an event id once within the window, again after it, and forgets the oldest beyond the cap', () => {
    const seen = new SeenEvents(3, 1_000);
    expect(seen.firstTime('a', 0)).toBe(true);
    expect(seen.firstTime('a', 500)).toBe(false);
    expect(seen.firstTime('a', 1_600)).toBe(true);
    for (const id of ['b', 'c', 'd']) seen.firstTime(id, 1_700);
    expect(seen.firstTime('a', 1_800)).toBe(true);
  });
});
