// Opens the SQLite file: creates its folder (0700) and the file (0600) when they are missing,
// turns on WAL (readers never wait for the writer, and `digest run` processes can share the
// file with the server), sets how long a write may wait for another process's lock, and
// applies the migrations.
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.js';
import { UserVersion } from './rows/meta.js';
import { readRow } from './rows/read-row.js';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * How long a write waits for another connection's lock. The server keeps it to a few ms: a
   * synchronous wait stops the whole event loop, so its writes queue and retry instead. `digest
   * run`, with nothing else to do, waits longer so that concurrent runs take turns.
   */
  readonly busyTimeoutMs?: number;
  readonly migrations?: readonly Migration[];
}

/** Creates what is missing with owner-only permissions: the file holds what people asked. */
export function createPrivately(path: string): void {
  if (path === ':memory:') return;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // SQLite gives its -wal and -shm files the database file's permissions.
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  createPrivately(path);
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 10_000))}`);
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, options.migrations ?? MIGRATIONS);
    return db;
  } catch (err) {
    // A handle left open would keep its -wal/-shm files, made while the file could not be written.
    db.close();
    throw err;
  }
}

/** An existing file, for reading only (`ask`): no folder made, no migration run; null when there is no file. */
export function openExisting(path: string): Db | null {
  if (path === ':memory:' || !existsSync(path)) return null;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  return db;
}

export function migrate(db: Db, migrations: readonly Migration[]): number {
  const apply = db.transaction(() => {
    // Read inside the (immediate) transaction so two processes starting at once apply each once.
    let current = readRow(UserVersion, 'pragma user_version', db.pragma('user_version', { simple: true }));
    for (const m of migrations) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
      current = m.version;
    }
    return current;
  });
  return apply.immediate();
}
