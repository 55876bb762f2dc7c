// Whether the runner holding a delivery claim is still alive, told by the database itself. Each
// claim owner (a server replica's runner, a `digest run` process) holds a session-level advisory
// lock named by its id on a connection of its own, for as long as it lives. When the process
// dies, the database ends that session and the lock is free: another runner sees that and takes
// the claim over at once, on any host, without waiting for a lease and without trusting clocks
// or process ids (containers all run as pid 1). A host that vanishes without closing its
// connections is noticed by TCP keepalives within about half a minute (set on the session).
import pg from 'pg';
import { connectionConfig } from './connect.js';
import { YesRow } from '../rows/meta.js';
import { readRow } from '../rows/read-row.js';

/** The lock key of an owner id; shared-mode checks by others conflict with the owner's hold. */
export const OWNER_KEY = 'hashtextextended($1, 7)';

export class Presence {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly held = new Set<string>();

  constructor(private readonly url: string) {}

  /** Makes sure this process is seen alive as `owner` (idempotent; re-established after a lost connection). */
  async hold(owner: string): Promise<void> {
    const client = await this.connected();
    if (this.held.has(owner)) return;
    await client.query(`SELECT pg_advisory_lock(${OWNER_KEY})`, [owner]);
    this.held.add(owner);
  }

  /** Lets go: claims still held by these owners can be taken over at once. */
  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.held.clear();
    await client?.end().catch(() => undefined);
  }

  private connected(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ ...connectionConfig(this.url), query_timeout: undefined });
    // A session lost (database restarted, link cut) took its locks with it: hold them again next time.
    const lost = (): void => {
      if (this.client !== client) return;
      this.client = null;
      this.held.clear();
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    await client.query('SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3');
    this.client = client;
    return client;
  }
}

/**
 * Inside a claim's transaction: true when no live session holds `owner`'s lock. The shared
 * transaction-level lock taken to find out is released at commit, and shared locks do not
 * block each other, so runners checking the same dead owner at once all see it gone.
 */
export async function ownerGone(client: pg.ClientBase, owner: string): Promise<boolean> {
  const { rows } = await client.query(`SELECT pg_try_advisory_xact_lock_shared(${OWNER_KEY}) AS yes`, [owner]);
  return readRow(YesRow, 'pg_try_advisory_xact_lock_shared', rows[0]);
}
