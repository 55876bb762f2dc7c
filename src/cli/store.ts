// `which-tool store migrate --from sqlite:PATH [--to postgres://…]`: moves a single-server
// deployment's SQLite records into the Postgres database several replicas will share. The target
// defaults to DATABASE_URL; its password is never printed.
import { existsSync } from 'node:fs';
import { loadConfig } from '../config/config.js';
import { WhichToolError } from '../core/errors.js';
import { moveSqliteToPostgres } from '../store/move.js';
import { openDatabase } from '../store/open-database.js';
import { createPool, describeDatabase } from '../store/pg/connect.js';

export interface StoreIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

const USAGE = `usage:
  which-tool store migrate --from sqlite:./var/which-tool.db [--to postgres://user:password@host:5432/db]
  (--to defaults to DATABASE_URL; the Postgres database must be empty)`;

export async function runStoreCommand(args: string[], io: StoreIo, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  const [command, ...rest] = args;
  if (command !== 'migrate') {
    io.err(command && command !== 'help' && command !== '--help' ? `which-tool: unknown store command "${command.slice(0, 40)}"\n${USAGE}` : USAGE);
    return command === 'help' || command === '--help' ? 0 : 2;
  }
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    const [name, value] = [rest[i]!, rest[i + 1]];
    if ((name !== '--from' && name !== '--to') || value === undefined) {
      io.err(`which-tool: store migrate: ${name === '--from' || name === '--to' ? `${name} needs a value` : `unexpected argument "${name.slice(0, 40)}"`}\n${USAGE}`);
      return 2;
    }
    flags.set(name, value);
  }
  const from = flags.get('--from') ?? '';
  const to = flags.get('--to') ?? loadConfig(env).databaseUrl ?? '';
  if (!from.startsWith('sqlite:') || !/^postgres(ql)?:\/\/\S+$/.test(to) || !URL.canParse(to)) {
    io.err(`which-tool: store migrate: needs --from sqlite:PATH and --to postgres://… (or DATABASE_URL)\n${USAGE}`);
    return 2;
  }
  const path = from.slice('sqlite:'.length);
  // Opening would create an empty file: a mistyped path must not "move" nothing.
  if (!existsSync(path)) {
    io.err(`which-tool: store migrate: no SQLite file at ${path}`);
    return 1;
  }
  const db = openDatabase(path);
  const pool = createPool(to);
  try {
    const report = await moveSqliteToPostgres(db, pool);
    io.out(`moved ${path} into ${describeDatabase(to)}:`);
    for (const [table, n] of Object.entries(report)) io.out(`  ${table}: ${n}`);
    return 0;
  } catch (err) {
    if (!(err instanceof WhichToolError) && !(err as { code?: string }).code) throw err;
    // Refusals, and Postgres' own errors (unreachable, no rights): one line, nothing moved.
    io.err(`which-tool: store migrate: ${(err as Error).message}; nothing was moved`);
    return 1;
  } finally {
    db.close();
    await pool.end();
  }
}
