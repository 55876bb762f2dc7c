// A person's key for App Home history: a hash of workspace and user, so the store never holds
// a raw Slack user id.
import { createHash } from 'node:crypto';

// People ask again and again; hashing once per person keeps SHA-256 off most requests.
const KNOWN_LIMIT = 10_000;
const known = new Map<string, string>();

export function userKey(teamId: string, userId: string): string {
  const id = `slack:${teamId}:${userId}`;
  let key = known.get(id);
  if (key === undefined) {
    key = createHash('sha256').update(id).digest('hex');
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(id, key);
  }
  return key;
}
