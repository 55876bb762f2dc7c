// Our server is plain node:http: read the activity from the body the server read, check it is an
// activity with fields of sane length (each ends up in a reply, a log row or a stored reference),
// and write the turn's result.
import type { ServerResponse } from 'node:http';
import { z } from 'zod';

export type JsonBody = { ok: true; body: Record<string, unknown> } | { ok: false; status: number; message: string };

const id = (max: number) => z.string().max(max);
const account = z.looseObject({ id: id(512).optional(), name: id(256).optional(), aadObjectId: id(128).optional() });

/** The fields this bot reads or stores; anything else passes through untouched. */
const ActivityShape = z.looseObject({
  type: id(64),
  id: id(512).optional(),
  name: id(256).optional(),
  serviceUrl: z.string().max(2048).refine((u) => /^https?:\/\/[^\s]+$/i.test(u), 'not an http(s) URL'),
  channelId: id(64).optional(),
  replyToId: id(512).optional(),
  text: z.string().max(40_000).optional(),
  from: account.optional(),
  recipient: account.optional(),
  conversation: z.looseObject({ id: id(1024), name: id(512).optional(), tenantId: id(128).optional(), conversationType: id(32).optional() }).optional(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: id(128).optional() }).optional() }).optional(),
});

export function readActivity(raw: Buffer): JsonBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    return { ok: false, status: 400, message: 'body is not JSON' };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, status: 400, message: 'body is not a JSON object' };
  // The adapter throws (a 500) on what is not an activity: refuse it here as a 400.
  if (!ActivityShape.safeParse(parsed).success) return { ok: false, status: 400, message: 'not a Bot Framework activity' };
  return { ok: true, body: parsed as Record<string, unknown> };
}

/** Writes the turn's outcome; error statuses carry a status word only, never adapter internals. */
export function writeResult(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (status >= 400) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: status === 401 ? 'unauthorized' : 'request refused' }));
  } else if (body === undefined || body === null) {
    res.writeHead(status);
    res.end();
  } else {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }
}
