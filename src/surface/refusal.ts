// Requests turned away (unsigned, stale, replayed, too large, a stranger in local mode) are the
// cheap kind of traffic anyone can send: they are counted by reason and logged at debug, so a
// flood of them neither fills the log nor hides in it.
import type { ServerResponse } from 'node:http';

const REFUSED = Symbol('which-tool.refused');

interface Marked extends ServerResponse {
  [REFUSED]?: string;
}

/** Marks the response as a refusal for `reason` (the refusal counter's label). */
export function markRefused(res: ServerResponse, reason: string): void {
  (res as Marked)[REFUSED] = reason;
}

export const refusalOf = (res: ServerResponse): string | undefined => (res as Marked)[REFUSED];

/** Sends a refusal: a status and a short JSON word, never internals; the connection closes if a body is still unread. */
export function refuse(res: ServerResponse, status: number, reason: string, message: string, extraHeaders: Record<string, string> = {}, unreadBody = false): void {
  markRefused(res, reason);
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...(unreadBody ? { connection: 'close' } : {}), ...extraHeaders });
  res.end(JSON.stringify({ error: message }));
}
