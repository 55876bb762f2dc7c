// What the stores read about the database itself: its schema version, a table's columns, and the
// one-value answers of Postgres's lock and existence checks.
import { z } from 'zod';

/** SQLite's `user_version` pragma: the last migration applied. */
export const UserVersion = z.number().int().nonnegative();

/** SQLite's `table_info` pragma, read as the table's column names. */
export const TableInfo = z.array(z.object({ name: z.string() }).transform((r) => r.name));

/** A row of Postgres's information_schema.columns, read as the column's name. */
export const ColumnNameRow = z.object({ column_name: z.string() }).transform((r) => r.column_name);

/** A row of `schema_migrations`' newest version (0 before any). */
export const MigrationVersionRow = z.object({ version: z.number().int().nonnegative() }).transform((r) => r.version);

/** A one-column yes or no: `SELECT EXISTS (…) AS yes`, `SELECT pg_try_advisory_… AS yes`. */
export const YesRow = z.object({ yes: z.boolean() }).transform((r) => r.yes);
