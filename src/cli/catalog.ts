// `which-tool catalog check [--strict] [--json] [--at DAY]`: lists the catalog's facts older than
// WHICH_TOOL_STALE_AFTER. With --strict a stale fact fails the run, for a CI job in a deployment's
// catalog repository; --at checks as of another day (what a release will look like next month).
import type { Catalog } from '../core/catalog.js';
import type { StaleAfter } from '../core/freshness.js';
import { staleReport, type StaleReport } from '../core/stale.js';

export const CATALOG_USAGE = 'which-tool catalog check [--strict] [--json] [--at YYYY-MM-DD]';

export interface CatalogIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface CatalogContext {
  readonly catalog: Catalog;
  readonly staleAfter: StaleAfter;
  readonly now: () => Date;
}

interface Flags {
  strict: boolean;
  json: boolean;
  at?: Date;
}

/** The flags, or the message saying what is wrong with them. */
function parseFlags(args: readonly string[]): Flags | string {
  const flags: Flags = { strict: false, json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--strict') flags.strict = true;
    else if (a === '--json') flags.json = true;
    else if (a === '--at') {
      const day = args[++i] ?? '';
      const d = /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(day) ? new Date(day.length === 10 ? `${day}T00:00:00Z` : day) : null;
      if (!d || Number.isNaN(d.getTime())) return `--at needs a date as YYYY-MM-DD, not "${day}"`;
      flags.at = d;
    } else return `unknown option ${a}`;
  }
  return flags;
}

function textReport(version: string, r: StaleReport): string[] {
  const head = `Catalog ${version}: ${r.stale.length} of ${r.checked} dated entries are older than ${r.staleAfter} (dated before ${r.freshFrom}).`;
  if (!r.stale.length) return [head];
  const counts = Object.entries(r.counts).filter(([, n]) => n).map(([k, n]) => `${n} ${k}${n === 1 ? '' : 's'}`);
  return [
    head,
    `Stale: ${counts.join(', ')}.`,
    ...r.stale.map((e) => `${e.asOf}  ${e.kind.padEnd(8)}  ${e.file} ${e.path}  ${e.label}  [${e.source}]`),
  ];
}

/** Returns the exit code: 2 for bad usage, 1 under --strict when something is stale, else 0. */
export function runCatalogCommand(args: readonly string[], ctx: CatalogContext, io: CatalogIo): number {
  const [sub, ...rest] = args;
  if (sub !== 'check') {
    io.err(`usage: ${CATALOG_USAGE}`);
    return 2;
  }
  const flags = parseFlags(rest);
  if (typeof flags === 'string') {
    io.err(`which-tool: ${flags}\nusage: ${CATALOG_USAGE}`);
    return 2;
  }
  const at = flags.at;
  const report = staleReport(ctx.catalog, { staleAfter: ctx.staleAfter, now: at ? () => at : ctx.now });
  if (flags.json) io.out(JSON.stringify({ catalog: ctx.catalog.version, ...report }));
  else for (const line of textReport(ctx.catalog.version, report)) io.out(line);
  return flags.strict && report.stale.length ? 1 : 0;
}
