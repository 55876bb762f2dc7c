// Installation (conversation references + welcome), the "Find an AI tool" message extension,
// and the transport's refusals: unsigned requests with an app id, bodies that are not activities.
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { loadCatalog } from '../../src/core/catalog.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger, silentLogger } from '../../src/log/logger.js';
import { testDeps } from '../helpers/deps.js';
import { createTeamsSurface } from '../../src/teams/surface.js';
import { startServer } from '../../src/server/start.js';
import type { AdaptiveCard } from '../../src/render/adaptive-card.js';
import { activity, adaptiveCardProblems, BOT, cardText, Connector, invoke, message, post, startBot, TENANT, USER, useTeamsBot } from './support.js';

describe('Teams installation and message extension', () => {
  const env = useTeamsBot();

  it('personal install: stores the reference, greets once, forgets it on removal', async () => {
    const add = activity(env.connector.url, 'personal', { type: 'installationUpdate', action: 'add' });
    expect((await post(env.bot.url, add)).status).toBe(200);
    const ref = await env.bot.store.conversationRefs.get('a:1personal-chat-dana');
    expect(ref).toMatchObject({ tenantId: TENANT, scope: 'personal' });
    expect(ref!.reference).toMatchObject({ serviceUrl: env.connector.url, conversation: { id: 'a:1personal-chat-dana' }, bot: { id: BOT.id } });
    expect(env.connector.received).toHaveLength(1);
    const welcome = env.connector.received[0]!.body.attachments![0]!.content;
    expect(cardText(welcome)).toMatch(/^Which Tool\nHi!/);
    expect(adaptiveCardProblems(welcome)).toEqual([]);

    // Teams also announces the env.bot as a new member: no second greeting.
    await post(env.bot.url, activity(env.connector.url, 'personal', { type: 'conversationUpdate', membersAdded: [BOT] }));
    expect(env.connector.received).toHaveLength(1);

    await post(env.bot.url, activity(env.connector.url, 'personal', { type: 'installationUpdate', action: 'remove' }));
    expect((await env.bot.store.conversationRefs.get('a:1personal-chat-dana'))).toBeUndefined();
  });

  it('team install through conversationUpdate: channel scope, @mention hint; a person joining is ignored', async () => {
    const added = activity(env.connector.url, 'channel', { type: 'conversationUpdate', membersAdded: [BOT], channelData: { tenant: { id: TENANT }, team: { id: '19:team-marketing@thread.tacv2' }, eventType: 'teamMemberAdded' } });
    await post(env.bot.url, added);
    const id = '19:general@thread.tacv2;messageid=1700000000000';
    expect((await env.bot.store.conversationRefs.get(id))).toMatchObject({ scope: 'channel', tenantId: TENANT });
    expect(cardText(env.connector.received[0]!.body.attachments![0]!.content)).toContain('@mention me');
    env.connector.clear();
    await post(env.bot.url, activity(env.connector.url, 'channel', { type: 'conversationUpdate', membersAdded: [USER], channelData: { tenant: { id: TENANT }, eventType: 'teamMemberAdded' } }));
    expect(env.connector.received).toHaveLength(0);
    await post(env.bot.url, activity(env.connector.url, 'channel', { type: 'conversationUpdate', membersRemoved: [BOT], channelData: { tenant: { id: TENANT }, eventType: 'teamMemberRemoved' } }));
    expect((await env.bot.store.conversationRefs.get(id))).toBeUndefined();
  });

  it('group chat install stores a groupChat reference', async () => {
    await post(env.bot.url, activity(env.connector.url, 'groupChat', { type: 'installationUpdate', action: 'add' }));
    expect((await env.bot.store.conversationRefs.get('19:group-chat-1@thread.v2'))).toMatchObject({ scope: 'groupChat' });
  });

  const search = async (parameters: { name: string; value: unknown }[]) => {
    const res = await post(env.bot.url, invoke(env.connector.url, 'personal', 'composeExtension/query', { commandId: 'findTool', parameters, queryOptions: { skip: 0, count: 25 } }));
    expect(res.status).toBe(200);
    return (res.body as { composeExtension: { type: string; text?: string; attachments?: { contentType: string; content: AdaptiveCard; preview: { contentType: string; content: { title: string; text: string } } }[] } }).composeExtension;
  };

  it('"Find an AI tool" returns each matching recommendation as an insertable card', async () => {
    const q = 'a product demo video with voiceover and a short script';
    const result = await search([{ name: 'query', value: q }]);
    const expected = env.bot.recommender.ask(q).recommendations;
    expect(result.type).toBe('result');
    expect(result.attachments!.map((a) => a.preview.content.title)).toEqual(expected.map((r) => r.verdict));
    for (const a of result.attachments!) {
      expect(a.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(a.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
      expect(adaptiveCardProblems(a.content)).toEqual([]);
      expect(cardText(a.content)).toContain(a.preview.content.title);
    }
    expect(env.connector.received).toHaveLength(0);
  });

  it('finds tools by name too: the result is titled by the tool, with its best use and price', async () => {
    for (const [q, name, kind] of [['ElevenLabs', 'ElevenLabs', 'Audio generator'], ['midjourney pricing', 'Midjourney v6', 'Image generator']] as const) {
      const first = (await search([{ name: 'query', value: q }])).attachments![0]!;
      expect(first.preview.content.title).toBe(`${name}: ${kind}`);
      expect(first.preview.content.text).toMatch(/ · \$\d+–\$\d+ a month$/);
      expect(cardText(first.content)).toContain(name);
    }
  });

  it('shows examples before anything is typed, and explains when nothing fits or the query is too long', async () => {
    const initial = await search([{ name: 'initialRun', value: 'true' }]);
    expect(initial.attachments!.length).toBeGreaterThan(3);
    const none = await search([{ name: 'query', value: 'what time is lunch' }]);
    expect(none).toMatchObject({ type: 'message' });
    expect(none.text).toMatch(/No AI tool fits/);
    const long = await search([{ name: 'query', value: 'x'.repeat(2500) }]);
    expect(long.text).toMatch(/2,000/);
  });
});

describe('Teams transport', () => {
  it('with an app id, refuses an unsigned request with 401 and sends nothing', async () => {
    const connector = await new Connector().start();
    const bot = await startBot({ env: { MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'not-a-real-secret' } });
    // Refusals must not print stack traces (botbuilder's process() console.errors each one).
    const stderr = vi.spyOn(console, 'error');
    try {
      const res = await post(bot.url, message(connector.url, 'personal', 'make a jingle'));
      expect(res.status).toBe(401);
      expect(res.text).not.toMatch(/at .*\.js|secret/);
      const forged = await post(bot.url, message(connector.url, 'personal', 'make a jingle'), { authorization: 'Bearer not.a.jwt' });
      expect(forged.status).toBe(401);
      expect(connector.received).toHaveLength(0);
      expect(stderr).not.toHaveBeenCalled();
    } finally {
      stderr.mockRestore();
      await bot.stop();
      await connector.stop();
    }
  });

  it('refuses bodies that are not activities, without leaking internals', async () => {
    const bot = await startBot();
    try {
      for (const body of ['not json', '[1,2]', '{"text":"no type"}']) {
        const res = await post(bot.url, body);
        expect(res.status).toBe(400);
        expect(res.text).not.toMatch(/\.js|middleware|stack/i);
      }
    } finally {
      await bot.stop();
    }
  });

  it('is mounted at POST /api/messages by the real server, unauthenticated without an app id', async () => {
    const connector = await new Connector().start();
    const dbDir = mkdtempSync(join(tmpdir(), 'which-tool-teams-db-'));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', WHICH_TOOL_DB: join(dbDir, 'which-tool.db'), WHICH_TOOL_SCHEDULER: 'off' });
    const running = await startServer({ config, catalog: loadCatalog(), log: silentLogger() });
    try {
      const res = await post(`${running.url}/api/messages`, message(connector.url, 'personal', 'a catchy jingle for a radio ad'));
      expect(res.status).toBe(200);
      expect(connector.received).toHaveLength(1);
      expect(connector.received[0]!.body.attachments![0]!.content.version).toBe('1.5');
    } finally {
      await running.stop();
      await connector.stop();
      rmSync(dbDir, { recursive: true, force: true });
    }
  });
});

describe('Teams start-up', () => {
  const startupLines = async (env: Record<string, string>) => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    await createTeamsSurface(testDeps({ log: createLogger('info', sink) }), loadConfig(env).teams);
    return lines.join('');
  };

  it('says when the endpoint is unauthenticated, and when it requires tokens (never printing the secret)', async () => {
    expect(await startupLines({})).toMatch(/unauthenticated \(local tools only\)/);
    const withId = await startupLines({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'sup3r-s3cret' });
    expect(withId).toMatch(/requires Bot Framework tokens/);
    expect(withId).not.toContain('sup3r-s3cret');
  });
});
