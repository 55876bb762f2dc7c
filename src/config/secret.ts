// A key for one purpose derived from a deployment secret, so one secret the operator already keeps
// (Slack's signing secret) can key other hashes without being usable for the first purpose.
import { hkdfSync } from 'node:crypto';

export const deriveSecret = (secret: string, purpose: string): string =>
  Buffer.from(hkdfSync('sha256', secret || 'which-tool without a deployment secret', '', purpose, 32)).toString('hex');
