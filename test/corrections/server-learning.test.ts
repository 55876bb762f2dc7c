// The running server learns without a restart: an owner accepts from the command line (another
// process) and within the look interval the server answers, on its Teams endpoint too, with the
// kind chosen; an accept in the server's own process retrains at once; a rejection brings the
// shipped model back; a server on another database never changes. The trainer is the real child
// process; the corpus is a 32nd of the shipped one so that training takes a second.
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { loadCatalog } from '../../src/core/catalog.js';
import type { AnswerT } from '../../src/core/answer.js';
import { silentLogger } from '../../src/log/logger.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { tempDbPath } from '../digest/stand-ins.js';
import { runCli } from '../helpers/cli.js';
import { cardText, Connector, message, post } from '../teams/support.js';
import { correct, dataWithSmallCorpus, GLIMMER, openService, UNRELATED } from './helpers.js';

const running: (RunningServer | Connector)[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});

const top = (a: AnswerT): string => a.recommendations[0]?.category ?? 'none';

async function server(db: string, data: string, learnSeconds: number): Promise<RunningServer> {
  const config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', WHICH_TOOL_DB: db, WHICH_TOOL_DATA: data, WHICH_TOOL_LOG_LEVEL: 'silent',
    WHICH_TOOL_SCHEDULER: 'off', WHICH_TOOL_LEARN_SECONDS: String(learnSeconds),
  });
  const s = await startServer({ config, catalog: loadCatalog(data), log: silentLogger() });
  running.push(s);
  return s;
}

describe('a running server learning from accepted corrections', () => {
  it('answers with the kind chosen within the look interval after an accept from the command line; others unchanged', async () => {
    const data = dataWithSmallCorpus(32);
    const seeded = openService();
    await correct(seeded.service, GLIMMER, 'video');
    seeded.store.close();
    const mine = await server(seeded.path, data, 1);
    const other = await server(tempDbPath(), data, 1);
    const before = [GLIMMER, ...UNRELATED].map((q) => mine.recommender.ask(q));
    expect(top(before[0]!)).not.toBe('video');

    expect(runCli(['corrections', 'accept', '--all'], undefined, { WHICH_TOOL_DB: seeded.path }).code).toBe(0);
    const accepted = Date.now();
    await expect.poll(() => top(mine.recommender.ask(GLIMMER)), { timeout: 15_000, interval: 100 }).toBe('video');
    expect(Date.now() - accepted).toBeLessThan(60_000);
    expect(UNRELATED.map((q) => top(mine.recommender.ask(q)))).toEqual(before.slice(1).map(top));

    // Through the Teams endpoint, as a person in personal chat would ask.
    const connector = await new Connector().start();
    running.push(connector);
    expect((await post(`${mine.url}/api/messages`, message(connector.url, 'personal', GLIMMER))).status).toBe(200);
    await expect.poll(() => connector.received.length, { timeout: 5_000 }).toBe(1);
    expect(cardText(connector.received[0]!.body.attachments![0]!.content)).toContain('Use a video generator');

    // The other deployment: nothing accepted there, the shipped model, the answer as before.
    expect(other.recommender.ask(GLIMMER)).toEqual(before[0]);
    expect(((await (await fetch(`${other.url}/healthz`)).json()) as { model: string }).model).toBe(before[0]!.model);
    expect(((await (await fetch(`${mine.url}/healthz`)).json()) as { model: string }).model).not.toBe(before[0]!.model);
  });

  it('retrains at once on an accept in its own process, and a reject brings the shipped model back', async () => {
    const data = dataWithSmallCorpus(32);
    // An hour between looks: only the accept's own notice can make this pass in time.
    const s = await server(tempDbPath(), data, 3600);
    const corrections = s.corrections!.service;
    const shipped = s.recommender.ask(GLIMMER);
    const { correction } = await corrections.record({ answer: shipped, chosen: { category: 'video' }, surface: 'teams', workspace: 'tenant-1', user: 'aad-dana' });
    expect(top(s.recommender.ask(GLIMMER))).not.toBe('video');
    await corrections.accept([correction.id], 'teams:aad-owner');
    await expect.poll(() => top(s.recommender.ask(GLIMMER)), { timeout: 15_000, interval: 100 }).toBe('video');
    await corrections.reject([correction.id], 'teams:aad-owner');
    await expect.poll(() => s.recommender.modelVersion, { timeout: 5_000, interval: 50 }).toBe(shipped.model);
    expect(s.recommender.ask(GLIMMER)).toEqual(shipped);
  });
});
