// `which-tool policy check FILE` (for the people who write the policy: does it hold, and what
// does it say?) and `which-tool policy report` (what people asked for that it does not allow).
import { loadConfig, policyFileFrom } from '../config/config.js';
import { loadCatalog } from '../core/catalog.js';
import { PolicyError } from '../core/errors.js';
import { loadPolicy } from '../core/policy/load.js';
import { buildPolicyReport } from '../core/policy/report.js';
import { summarizePolicy } from '../core/policy/summary.js';
import { policyReportCard, policySummaryCard } from '../render/policy-card.js';
import { cardToText } from '../render/text.js';
import { silentLogger } from '../log/logger.js';
import { StoreUnavailableError } from '../store/faults.js';
import { openStore } from '../store/open.js';

export interface PolicyIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

const USAGE = `usage:
  which-tool policy check FILE [--json]        validate a policy file and summarise it
  which-tool policy report [--since 7d] [--json]   counts for the policy's owners (7d, 24h, 2w, or a date)`;

class UsageError extends Error {}

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** `7d`, `24h`, `2w`, or an ISO date. */
export function parseSince(text: string, now: Date): Date {
  const span = /^(\d{1,4})([hdw])$/.exec(text);
  if (span) return new Date(now.getTime() - Number(span[1]) * UNIT_MS[span[2]!]!);
  const date = /^\d{4}-\d{2}-\d{2}/.test(text) ? new Date(text) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--since must be like 7d, 24h, 2w or a date such as 2026-12-01, not "${text.slice(0, 40)}"`);
  return date;
}

function split(args: readonly string[], valued: readonly string[]): { flags: Map<string, string>; rest: string[] } {
  const flags = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') flags.set(a, 'true');
    else if (valued.includes(a)) {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      flags.set(a, v);
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else rest.push(a);
  }
  return { flags, rest };
}

function check(args: readonly string[], io: PolicyIo, env: NodeJS.ProcessEnv): number {
  const { flags, rest } = split(args, []);
  if (rest.length > 1) throw new UsageError(`check takes one file, not ${rest.length}`);
  const file = rest[0] ?? policyFileFrom(env);
  if (!file) throw new UsageError('check needs a policy file (or WHICH_TOOL_POLICY)');
  try {
    const summary = summarizePolicy(loadPolicy(file, loadCatalog(env.WHICH_TOOL_DATA || undefined)));
    io.out(flags.has('--json') ? JSON.stringify({ ok: true, ...summary }) : `${cardToText(policySummaryCard(summary))}\n\n${file}: valid`);
    return 0;
  } catch (err) {
    if (!(err instanceof PolicyError)) throw err;
    // Every problem at once, so an owner fixes the file in one pass.
    if (flags.has('--json')) io.out(JSON.stringify({ ok: false, problems: err.problems }));
    for (const line of err.lines) io.err(`which-tool: ${line}`);
    return 1;
  }
}

async function report(args: readonly string[], io: PolicyIo, env: NodeJS.ProcessEnv): Promise<number> {
  const { flags, rest } = split(args, ['--since']);
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]!.slice(0, 40)}"`);
  const until = new Date();
  const since = parseSince(flags.get('--since') ?? '7d', until);
  // The SQLite file, or Postgres with DATABASE_URL: wherever the servers log their answers.
  const store = await openStore(loadConfig(env), silentLogger());
  try {
    const counts = await store.policy.policyCounts(since, until);
    const r = buildPolicyReport(counts.rows, counts.requests, since, until);
    io.out(flags.has('--json') ? JSON.stringify(r) : cardToText(policyReportCard(r)));
    return 0;
  } finally {
    await store.close();
  }
}

export async function runPolicyCommand(args: string[], io: PolicyIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'help' || command === '--help') {
    io.out(USAGE);
    return 0;
  }
  try {
    if (command === 'check') return check(rest, io, env);
    if (command === 'report') return await report(rest, io, env);
    io.err(command ? `which-tool: unknown policy command "${command.slice(0, 40)}"\n${USAGE}` : USAGE);
    return 2;
  } catch (err) {
    if (err instanceof StoreUnavailableError) {
      io.err(`which-tool: policy ${command}: ${err.message}`);
      return 1;
    }
    if (!(err instanceof UsageError)) throw err;
    io.err(`which-tool: policy ${command}: ${err.message}\n${USAGE}`);
    return 2;
  }
}
