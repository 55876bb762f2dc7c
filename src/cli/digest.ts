// `which-tool digest subscribe | list | unsubscribe | run`: digest administration from a shell
// or an external scheduler (a Kubernetes CronJob). The configuration is read here, at the edge.
import { loadConfig, type Config } from '../config/config.js';
import { loadCatalog } from '../core/catalog.js';
import { loadPolicy } from '../core/policy/load.js';
import { DigestRunner, type RunReport } from '../digest/runner.js';
import { describeSchedule, nextFire, ScheduleError, validateSchedule } from '../digest/schedule.js';
import { dropUntrustedReferences } from '../digest/reference-cleanup.js';
import { platformSenders } from '../digest/senders.js';
import { silentLogger } from '../log/logger.js';
import type { Platform, SubscriptionRecord } from '../store/digest-types.js';
import { StoreUnavailableError } from '../store/connection.js';
import { parseFlags, UsageError } from './flags.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';

export interface DigestIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

export interface DigestCliOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The clock for subscription times; `run` takes its time from --at. */
  readonly now?: () => Date;
}

const USAGE = `usage:
  which-tool digest subscribe --platform slack|teams --channel ID --schedule "0 9 * * 1" [--tz Europe/Berlin] [--workspace ID] [--enterprise ID]
  which-tool digest list [--json]
  which-tool digest unsubscribe <id>
  which-tool digest run [--at 2026-12-07T08:00:00Z]`;

const CHANNEL = { slack: /^[CGD][A-Z0-9]{2,20}$/, teams: /^[^\s\p{Cc}]{1,300}$/u } as const;

const row = (s: SubscriptionRecord, now: Date): Record<string, unknown> => ({
  id: s.id, platform: s.platform, workspace: s.workspace, channel: s.channel, schedule: s.schedule, timeZone: s.timeZone,
  status: s.status, pausedReason: s.pausedReason, next: s.status === 'active' ? nextFire({ cron: s.schedule, timeZone: s.timeZone }, now)?.toISOString() ?? null : null,
});

async function subscribe(store: Store, args: readonly string[], io: DigestIo, now: Date): Promise<number> {
  const { flags, rest } = parseFlags(args, ['--platform', '--channel', '--schedule', '--tz', '--workspace', '--enterprise']);
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const platform = flags.get('--platform');
  if (platform !== 'slack' && platform !== 'teams') throw new UsageError('--platform must be slack or teams');
  const channel = flags.get('--channel') ?? '';
  if (!CHANNEL[platform].test(channel))
    throw new UsageError(platform === 'slack' ? '--channel must be a Slack channel id such as C0123ABC' : '--channel must be the Teams conversation id');
  const scheduleText = flags.get('--schedule');
  if (!scheduleText) throw new UsageError('--schedule is required, e.g. --schedule "0 9 * * 1" (Mondays at 09:00)');
  const schedule = validateSchedule({ cron: scheduleText, timeZone: flags.get('--tz') ?? 'UTC' });
  const enterprise = flags.get('--enterprise');
  if (enterprise !== undefined && (platform !== 'slack' || !/^E[A-Z0-9]{2,20}$/.test(enterprise)))
    throw new UsageError('--enterprise is for Slack only and must be a Grid organisation id such as E0123ABC');
  const sub = await store.digest.upsertSubscription(
    { platform: platform as Platform, workspace: flags.get('--workspace') ?? '', channel, schedule: schedule.cron, timeZone: schedule.timeZone, ...(enterprise ? { enterprise } : {}) },
    now,
  );
  io.out(`${sub.id}: ${platform} ${channel} gets a digest ${describeSchedule(schedule)}; next at ${nextFire(schedule, now)?.toISOString() ?? 'never'}`);
  return 0;
}

async function list(store: Store, args: readonly string[], io: DigestIo, now: Date): Promise<number> {
  const { flags, rest } = parseFlags(args, [], ['--json']);
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const subs = await store.digest.listSubscriptions();
  if (flags.has('--json')) io.out(JSON.stringify(subs.map((s) => row(s, now))));
  else if (!subs.length) io.out('No digest subscriptions.');
  else
    for (const s of subs)
      io.out(`${s.id}  ${s.platform}  ${s.channel}  ${describeSchedule({ cron: s.schedule, timeZone: s.timeZone })}  ${s.status === 'paused' ? `PAUSED (${s.pausedReason})` : 'active'}`);
  return 0;
}

async function unsubscribe(store: Store, args: readonly string[], io: DigestIo): Promise<number> {
  const { rest } = parseFlags(args, []);
  if (rest.length !== 1) throw new UsageError('unsubscribe takes one subscription id (see digest list)');
  if (!(await store.digest.removeSubscription(rest[0]!))) {
    io.err(`which-tool: digest unsubscribe: no subscription with id "${rest[0]!.slice(0, 80)}" (see digest list)`);
    return 1;
  }
  io.out(`Removed ${rest[0]}.`);
  return 0;
}

async function run(store: Store, config: Config, args: readonly string[], io: DigestIo): Promise<number> {
  const { flags, rest } = parseFlags(args, ['--at']);
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const atText = flags.get('--at');
  const at = atText === undefined ? new Date() : new Date(atText);
  if (Number.isNaN(at.getTime()) || (atText !== undefined && !/^\d{4}-\d{2}-\d{2}T/.test(atText)))
    throw new UsageError('--at must be an ISO date and time, e.g. 2026-12-07T08:00:00Z');
  // OAuth mode: each workspace's digest with its own installation's token, refreshed if due.
  // Loaded only then: it brings Bolt, which the other digest commands do without.
  const slackTokens = config.slackOAuth
    ? (await import('../slack/oauth/installer.js')).createSlackOAuth(config.slackOAuth, store.installations, silentLogger()).tokenFor
    : undefined;
  await dropUntrustedReferences(store, config.teams, silentLogger());
  const catalog = loadCatalog(config.dataDir);
  // The same digest as the server's scheduler sends: with the policy's counts when there is one (a bad file stops here).
  const policy = config.policyFile ? loadPolicy(config.policyFile, catalog) : null;
  const runner = new DigestRunner({
    store: store.digest,
    catalog,
    ...(policy ? { policy: { current: () => policy, log: store.policy } } : {}),
    sender: platformSenders(config, store.surface.conversationRefs, slackTokens ? { slackTokens } : {}),
    log: silentLogger(),
    graceHours: config.digestGraceHours,
    staleAfter: config.staleAfter,
    corrections: store.corrections,
  });
  const report = await runner.runDue(at);
  await store.prune(new Date());
  printReport(report, io);
  return report.failed.length ? 1 : 0;
}

function printReport(r: RunReport, io: DigestIo): void {
  io.out(`digest run at ${r.at}: ${r.sent.length} sent, ${r.skipped.length} skipped (missed the grace window), ${r.paused.length} paused, ${r.failed.length} failed, ${r.notDue} not due`);
  for (const p of r.paused) io.out(`paused ${p.id} (${p.channel}): ${p.reason}; subscribe it again once the bot can post there`);
  for (const f of r.failed) io.err(`failed ${f.id} (${f.channel}): ${f.reason}`);
}

export async function runDigestCommand(args: string[], io: DigestIo, options: DigestCliOptions = {}): Promise<number> {
  const [command, ...rest] = args;
  const known = ['subscribe', 'list', 'unsubscribe', 'run'];
  if (command === 'help' || command === '--help') {
    io.out(USAGE);
    return 0;
  }
  if (!command || !known.includes(command)) {
    io.err(command ? `which-tool: unknown digest command "${command.slice(0, 40)}"\n${USAGE}` : USAGE);
    return 2;
  }
  const config = loadConfig(options.env ?? process.env);
  const store = await openStore(config, silentLogger());
  const now = (options.now ?? (() => new Date()))();
  try {
    if (command === 'subscribe') return await subscribe(store, rest, io, now);
    if (command === 'list') return await list(store, rest, io, now);
    if (command === 'unsubscribe') return await unsubscribe(store, rest, io);
    return await run(store, config, rest, io);
  } catch (err) {
    if (err instanceof StoreUnavailableError) {
      io.err(`which-tool: digest ${command}: ${err.message}`);
      return 1;
    }
    if (!(err instanceof UsageError || err instanceof ScheduleError)) throw err;
    io.err(`which-tool: digest ${command}: ${err.message}\n${USAGE}`);
    return 2;
  } finally {
    await store.close();
  }
}
