// `which-tool corrections` as an owner runs it: the built command line in a real process, on a
// real SQLite file that the service filled as the chat surfaces will.
import { afterEach, describe, expect, it } from 'vitest';
import { parseCorpusText } from '../../src/core/model/corpus.js';
import { runCli } from '../helpers/cli.js';
import { correct, GLIMMER, openService, type Opened } from './helpers.js';

const opened: Opened[] = [];
/** A database with corrections in it, closed again: the command line opens it by itself. */
async function seeded(fill: (o: Opened) => Promise<void> | void, settings: Parameters<typeof openService>[0] = {}): Promise<string> {
  const o = openService(settings);
  opened.push(o);
  await fill(o);
  o.store.close();
  return o.path;
}
afterEach(() => opened.splice(0).forEach((o) => o.store.close()));

const cli = (db: string, ...args: string[]) => runCli(['corrections', ...args], undefined, { WHICH_TOOL_DB: db });

describe('which-tool corrections', () => {
  it('lists what people said they needed, for a person and as JSON', async () => {
    const ids: string[] = [];
    const db = await seeded(async ({ service }) => {
      ids.push((await correct(service, GLIMMER, 'video', 'U1', 'marketing')).correction.id);
      ids.push((await correct(service, 'the zintaro deck for the board', 'llm', 'U2')).correction.id);
    });
    const listed = cli(db, 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${ids[0]}  pending`);
    expect(listed.stdout).toMatch(/answered image → needed video \(marketing\)\s+"need a glimmerpost for the zintaro launch"/);
    const json = JSON.parse(cli(db, 'list', '--json').stdout);
    expect(json).toHaveLength(2);
    expect(json[0]).toMatchObject({ id: ids[0], status: 'pending', text: GLIMMER, chosen: { category: 'video', industry: 'marketing' }, answered: { category: 'image' }, flagged: false });
    expect(json[0].userKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts and rejects by id, recording who decided', async () => {
    const ids: string[] = [];
    const db = await seeded(async ({ service }) => {
      ids.push((await correct(service, GLIMMER, 'video')).correction.id);
      ids.push((await correct(service, 'the zintaro deck for the board', 'llm', 'U2')).correction.id);
    });
    const accepted = cli(db, 'accept', ids[0]!);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain(`Accepted 1: ${ids[0]}.`);
    expect(accepted.stdout).toMatch(/a running server within 20 s/);
    const rejected = cli(db, 'reject', ids[1]!);
    expect(rejected.stdout).toContain(`Rejected 1: ${ids[1]}.`);
    expect(JSON.parse(cli(db, 'list', '--json', '--status', 'accepted').stdout).map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    const done = JSON.parse(cli(db, 'list', '--json', '--status', 'rejected').stdout);
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ id: ids[1], status: 'rejected', decidedBy: expect.stringMatching(/^cli/) });
    expect(cli(db, 'list', '--status', 'pending').stdout.trim()).toBe('No pending corrections.');
  });

  it('exports corpus lines that the corpus schema accepts: all but rejected, or --accepted only', async () => {
    const ids: string[] = [];
    const db = await seeded(async ({ service }) => {
      ids.push((await correct(service, GLIMMER, 'video')).correction.id);
      ids.push((await correct(service, 'we need 40 glimmerposts a month for the shop', 'image', 'U2')).correction.id);
      ids.push((await correct(service, 'zintaro standup moved to 3pm', 'none', 'U3')).correction.id);
      await service.accept([ids[0]!], 'cli:owner');
      await service.reject([ids[2]!], 'cli:owner');
    });
    const all = cli(db, 'export');
    expect(all.code).toBe(0);
    expect(all.stderr).toMatch(/exported 2 correction\(s\)/);
    const lines = parseCorpusText('export.jsonl', all.stdout).map((s) => s.example);
    expect(lines.map((e) => [e.q, e.accept])).toEqual([
      [GLIMMER, ['video']],
      ['we need 40 glimmerposts a month for the shop', ['image']],
    ]);
    expect(lines[1]!.volume).toEqual({ count: 40, unit: 'image', period: 'month' });
    expect(lines[1]!.industry).toBe('retail');
    const accepted = parseCorpusText('accepted.jsonl', cli(db, 'export', '--accepted').stdout);
    expect(accepted.map((s) => s.example.q)).toEqual([GLIMMER]);
  });

  it('with text off: lists the change of kind only, accepts it as teaching nothing, exports nothing', async () => {
    let id = '';
    const db = await seeded(async ({ service }) => {
      id = (await correct(service, GLIMMER, 'video')).correction.id;
    }, { keepText: false });
    expect(cli(db, 'list').stdout).toMatch(/answered image → needed video\s+\(text not kept\)/);
    const accepted = cli(db, 'accept', '--all');
    expect(accepted.stdout).toContain(`Accepted 1: ${id}.`);
    expect(accepted.stdout).toContain(`${id}: no request text kept, so it teaches nothing.`);
    const exported = cli(db, 'export', '--accepted');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe('');
    expect(exported.stderr).toMatch(/exported 0 correction\(s\); 1 without request text left out/);
  });

  it('accept --all leaves a flood for a look, one by one', async () => {
    let fine = '';
    const db = await seeded(
      async ({ service }) => {
        await correct(service, GLIMMER, 'video', 'UFLOOD');
        await expect(correct(service, 'more glimmerposts', 'video', 'UFLOOD')).rejects.toThrow();
        fine = (await correct(service, 'the zintaro deck for the board', 'llm', 'UOTHER')).correction.id;
      },
      { perHour: 1 },
    );
    expect(cli(db, 'list').stdout).toMatch(/needed video\s+FLAGGED/);
    const all = cli(db, 'accept', '--all');
    expect(all.stdout).toContain(`Accepted 1: ${fine}.`);
    expect(all.stdout).toMatch(/Left 1 flagged .* accept them by id after a look: cor_[0-9a-f]{10}/);
  });

  it('names unknown ids and usage mistakes with a non-zero exit', async () => {
    const db = await seeded(async () => undefined);
    const unknown = cli(db, 'accept', 'cor_0000000000');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no correction with id "cor_0000000000"/);
    for (const args of [['accept'], ['reject', '--all'], ['frobnicate']]) {
      const r = cli(db, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/usage:/);
    }
    expect(cli(db, 'list').stdout.trim()).toBe('No corrections.');
  });
});
