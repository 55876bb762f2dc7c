// Rows come back holding whatever the database holds, which another process, an older version
// or a hand edit may have written. Each is read with its schema: one that does not fit is a
// StoreRowError naming the table and the columns, never their values (they may be tokens or text).
import type { z } from 'zod';
import { ErrorCode, WhichToolError } from '../../core/errors.js';

export class StoreRowError extends WhichToolError {
  constructor(
    readonly table: string,
    readonly problems: readonly string[],
  ) {
    super(ErrorCode.StoreRowInvalid, `store: a row of ${table} cannot be read (${problems.join('; ')})`);
    this.name = 'StoreRowError';
  }
}

export function readRow<S extends z.ZodType>(schema: S, table: string, row: unknown): z.output<S> {
  const read = schema.safeParse(row);
  if (read.success) return read.data;
  throw new StoreRowError(table, read.error.issues.map((i) => `${i.path.join('.') || 'the row'}: ${i.message}`));
}

export const readRows = <S extends z.ZodType>(schema: S, table: string, rows: readonly unknown[]): z.output<S>[] => rows.map((r) => readRow(schema, table, r));
