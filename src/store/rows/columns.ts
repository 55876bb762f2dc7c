// Column shapes both stores share: SQLite and Postgres keep flags as 0/1 integers and structured
// values as JSON text.
import { z } from 'zod';

/** A 0/1 integer, read as a boolean. */
export const Flag = z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1);

/** JSON text holding a value of `schema`. */
export const jsonText = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON text' });
        return z.NEVER;
      }
    })
    .pipe(schema);
