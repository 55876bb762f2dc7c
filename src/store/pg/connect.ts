// How this program talks to Postgres: one pool per process, connecting quickly or failing
// quickly (a database that is away must not hold up answers), with BIGINT read as a number.
import pg from 'pg';

/** Columns of epoch milliseconds and row ids are BIGINT: far inside a double's exact range. */
const INT8 = 20;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** Settings every connection of ours uses, from the pool or on its own (the presence session). */
export function connectionConfig(url: string): pg.ClientConfig {
  return {
    connectionString: url,
    types,
    application_name: 'which-tool',
    // A database that does not answer within this is away: writes are held, digests wait.
    connectionTimeoutMillis: 3_000,
    keepAlive: true,
    // A statement stuck behind a lock or a dead link gives up rather than holding a request.
    query_timeout: 30_000,
  };
}

export function createPool(url: string): pg.Pool {
  return new pg.Pool({ ...connectionConfig(url), max: 10, idleTimeoutMillis: 30_000 });
}

/** Where the database is, for logs and messages: never the user or password in the URL. */
export function describeDatabase(url: string): string {
  const u = new URL(url);
  return `postgres://${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
}
