// Who holds a delivery claim: host, process id and a random part. A claim is taken over when its
// lease ran out, or at once when its process on this host is gone (a crash, then a restart).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ClaimOwner } from '../store/digest-types.js';

/** Long enough for one digest's retries (Retry-After, backoff); short enough to recover from a dead host. */
export const LEASE_MS = 15 * 60_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function claimOwner(wallNow: () => number = Date.now, id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`): ClaimOwner {
  const host = hostname();
  const isStale = (owner: string, leaseUntil: number): boolean => {
    if (wallNow() > leaseUntil) return true;
    const [ownerHost, pid] = owner.split(':');
    return ownerHost === host && Number(pid) !== process.pid && !processAlive(Number(pid));
  };
  return { id, leaseUntil: () => wallNow() + LEASE_MS, isStale };
}
