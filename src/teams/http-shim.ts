// Our server is plain node:http: read the activity's JSON body, and write the turn's result.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_BODY_BYTES } from '../server/routes.js';

export type JsonBody = { ok: true; body: Record<string, unknown> } | { ok: false; status: number; message: string };

export async function readJsonBody(req: IncomingMessage): Promise<JsonBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // The server checks the declared length; this guards a body longer than declared.
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, message: 'request body too large' };
    chunks.push(chunk);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return { ok: false, status: 400, message: 'body is not JSON' };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, status: 400, message: 'body is not a JSON object' };
  // The adapter throws (a 500) on an object without an activity type: refuse it here as a 400.
  if (typeof (parsed as { type?: unknown }).type !== 'string') return { ok: false, status: 400, message: 'not a Bot Framework activity' };
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
