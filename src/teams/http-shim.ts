// Our server is plain node:http; the Bot Framework adapter expects an Express-like request with
// a parsed body and a response with status/header/send. This is that bridge, and nothing more.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request as BotRequest, Response as BotResponse } from 'botbuilder';
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

export const toBotRequest = (req: IncomingMessage, body: Record<string, unknown>): BotRequest => ({
  body,
  headers: req.headers,
  method: req.method ?? 'POST',
});

/** Collects what the adapter says and writes it once, as JSON when the body is an object. */
export function toBotResponse(res: ServerResponse): BotResponse {
  let status = 200;
  let body: unknown;
  const headers: Record<string, string> = {};
  return {
    socket: res.socket,
    status(code: number) {
      status = code;
    },
    header(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    send(data: unknown) {
      body = data;
    },
    end() {
      if (res.headersSent) return;
      if (body === undefined || body === null) {
        res.writeHead(status, headers);
        res.end();
        return;
      }
      const isText = typeof body === 'string';
      const payload = isText ? (body as string) : JSON.stringify(body);
      // Adapter error texts can carry internals (stack lines, token details): status words only.
      const safe = status >= 400 ? JSON.stringify({ error: status === 401 ? 'unauthorized' : 'request refused' }) : payload;
      const type = status >= 400 || !isText ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
      res.writeHead(status, { ...headers, 'content-type': type });
      res.end(safe);
    },
  };
}
