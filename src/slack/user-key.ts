// A person's key for App Home history: a hash of workspace and user, so the store never holds
// a raw Slack user id.
import { createHash } from 'node:crypto';

export const userKey = (teamId: string, userId: string): string =>
  createHash('sha256').update(`slack:${teamId}:${userId}`).digest('hex');
