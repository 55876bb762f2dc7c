// `which-tool digest subscribe | list | unsubscribe | run`, called as the CLI calls it, on a
// real SQLite file and a Slack stand-in; bad input gets a clear message and exit code 2.
import { afterEach, describe, expect, it } from 'vitest';
import { runDigestCommand } from '../../src/cli/digest.js';
import { perChannel, slackStandIn, tempDbPath, type StandIn } from './stand-ins.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

interface Result { code: number; out: string; err: string }
function cli(env: Record<string, string>, now = new Date('2026-11-30T10:00:00Z')) {
  return async (...args: string[]): Promise<Result> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runDigestCommand(args, { out: (s) => out.push(s), err: (s) => err.push(s) }, { env, now: () => now });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
}

async function slackEnv(): Promise<{ env: Record<string, string>; api: StandIn }> {
  const api = await slackStandIn();
  cleanup.push(() => api.close());
  // Teams in local mode too, so a Teams subscription gets as far as looking for its reference.
  return { api, env: { WHICH_TOOL_DB: tempDbPath(), SLACK_SIGNING_SECRET: 's3cret', SLACK_BOT_TOKEN: 'xoxb-cli-test', SLACK_API_URL: api.url, WHICH_TOOL_TEAMS_LOCAL: '1' } };
}

describe('digest command line', () => {
  it('subscribes, lists, runs once per period and unsubscribes', async () => {
    const { env, api } = await slackEnv();
    const run = cli(env);
    const sub = await run('subscribe', '--platform', 'slack', '--channel', 'C0123ABC', '--schedule', '0 9 * * 1', '--tz', 'Europe/Berlin');
    expect(sub.code).toBe(0);
    expect(sub.out).toMatch(/^sub_[0-9a-f]{10}: slack C0123ABC gets a digest every Monday at 09:00 \(Europe\/Berlin\); next at 2026-12-07T08:00:00.000Z$/);
    const id = sub.out.split(':')[0]!;
    await run('subscribe', '--platform', 'teams', '--channel', '19:abc@thread.tacv2', '--schedule', '30 8 * * *');

    const listed = await run('list', '--json');
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.out) as Record<string, unknown>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id, platform: 'slack', channel: 'C0123ABC', schedule: '0 9 * * 1', timeZone: 'Europe/Berlin', status: 'active', next: '2026-12-07T08:00:00.000Z' });
    expect(rows[1]).toMatchObject({ platform: 'teams', timeZone: 'UTC' });
    expect((await run('list')).out).toContain(`${id}  slack  C0123ABC  every Monday at 09:00 (Europe/Berlin)  active`);

    const first = await run('run', '--at', '2026-12-07T08:45:00Z');
    expect(first.out).toContain('1 sent');
    // The Teams subscription has no conversation reference: it fails, clearly, and the exit code says so.
    expect(first.err).toMatch(/failed sub_\w+ \(19:abc@thread.tacv2\): no conversation reference/);
    expect(first.code).toBe(1);
    const second = await run('run', '--at', '2026-12-07T08:45:00Z');
    expect(second.out).toContain('0 sent');
    expect(perChannel(api.accepted)).toEqual(new Map([['C0123ABC', 1]]));
    expect(api.accepted[0]!.authorization).toBe('Bearer xoxb-cli-test');

    expect(await run('unsubscribe', id)).toMatchObject({ code: 0, out: `Removed ${id}.` });
    expect(await run('unsubscribe', id)).toMatchObject({ code: 1, err: expect.stringContaining('no subscription with id') });
    expect(JSON.parse((await run('list', '--json')).out)).toHaveLength(1);
  });

  it('reports dead Slack channels as paused and keeps going', async () => {
    const { env, api } = await slackEnv();
    api.inject = (channel) => (channel === 'CGONE' ? { status: 200, body: { ok: false, error: 'is_archived' } } : undefined);
    const run = cli(env);
    await run('subscribe', '--platform', 'slack', '--channel', 'CGONE', '--schedule', '0 9 * * *');
    await run('subscribe', '--platform', 'slack', '--channel', 'CLIVE', '--schedule', '0 9 * * *');
    const result = await run('run', '--at', '2026-12-07T09:01:00Z');
    expect(result.code).toBe(0);
    expect(result.out).toContain('1 sent');
    expect(result.out).toMatch(/paused sub_\w+ \(CGONE\): is_archived/);
    expect((await run('list')).out).toContain('PAUSED (is_archived)');
  });

  it.each([
    [[], /usage:/],
    [['frobnicate'], /unknown digest command "frobnicate"/],
    [['subscribe', '--platform', 'discord', '--channel', 'C1', '--schedule', '0 9 * * 1'], /--platform must be slack or teams/],
    [['subscribe', '--platform', 'slack', '--channel', '#general', '--schedule', '0 9 * * 1'], /Slack channel id such as C0123ABC/],
    [['subscribe', '--platform', 'slack', '--channel', '<!channel>', '--schedule', '0 9 * * 1'], /Slack channel id/],
    [['subscribe', '--platform', 'slack', '--channel', 'C0123ABC'], /--schedule is required/],
    [['subscribe', '--platform', 'slack', '--channel', 'C0123ABC', '--schedule', 'every monday'], /five fields/],
    [['subscribe', '--platform', 'slack', '--channel', 'C0123ABC', '--schedule', '0 25 * * 1'], /not a cron pattern/],
    [['subscribe', '--platform', 'slack', '--channel', 'C0123ABC', '--schedule', '0 9 * * 1', '--tz', 'Mars/Base'], /not a time zone/],
    [['subscribe', '--platform', 'slack', '--channel', 'C0123ABC', '--schedule'], /--schedule needs a value/],
    [['subscribe', '--platform', 'slack', '--channel', 'C0123ABC', '--schedule', '0 9 * * 1', '--force'], /unknown option --force/],
    [['list', 'extra'], /unexpected argument "extra"/],
    [['unsubscribe'], /one subscription id/],
    [['run', '--at', 'next tuesday'], /--at must be an ISO date/],
    [['run', '--at', '2026-13-45T00:00:00Z'], /--at must be an ISO date/],
  ])('refuses %j with a clear message', async (args, message) => {
    const { env } = await slackEnv();
    const result = await cli(env)(...args);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.out).toBe('');
  });

  it('names a malformed variable instead of starting', async () => {
    await expect(cli({ WHICH_TOOL_DIGEST_GRACE_HOURS: 'soon' })('list')).rejects.toThrow(/WHICH_TOOL_DIGEST_GRACE_HOURS/);
  });
});
