// A person's key for their own history (App Home's recent questions): an HMAC of workspace and
// user with a deployment secret, so the store never holds a raw user id and a copy of the
// database alone cannot be searched for a known one (a plain hash of ids from a small alphabet can).
import { createHmac } from 'node:crypto';

// People ask again and again; keying once per person keeps the HMAC off most requests.
const KNOWN_LIMIT = 10_000;

export type PersonKey = (workspace: string, user: string) => string;

export function personKeys(secret: string, surface: string): PersonKey {
  const known = new Map<string, string>();
  return (workspace, user) => {
    const id = `${surface}:${workspace}:${user}`;
    let key = known.get(id);
    if (key === undefined) {
      key = createHmac('sha256', secret).update(id).digest('hex');
      if (known.size >= KNOWN_LIMIT) known.clear();
      known.set(id, key);
    }
    return key;
  };
}
