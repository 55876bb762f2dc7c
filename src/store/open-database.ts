// Opens the SQLite file: creates its folder, turns on WAL (readers never wait for the writer,
// and `digest run` processes can share the file with the server) and applies the migrations.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.js';

export type Db = Database.Database;

export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // Two processes claiming deliveries at once wait for each other instead of failing.
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  migrate(db, migrations);
  return db;
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
    let current = db.pragma('user_version', { simple: true }) as number;
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
