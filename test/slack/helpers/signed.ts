// Requests signed exactly as Slack signs them: v0 HMAC-SHA256 of `v0:<timestamp>:<body>`.
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export function slackSignature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SlackPost {
  readonly body: string;
  readonly contentType: 'application/x-www-form-urlencoded' | 'application/json';
  readonly timestamp?: number;
  readonly secret?: string;
  readonly signature?: string;
  readonly headers?: Record<string, string>;
}

export async function postToSlackRoute(baseUrl: string, p: SlackPost): Promise<{ status: number; text: string; json: unknown }> {
  const ts = p.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': p.contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': p.signature ?? slackSignature(p.body, ts, p.secret),
      ...p.headers,
    },
    body: p.body,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

export const form = (fields: Record<string, string>): SlackPost => ({
  body: new URLSearchParams(fields).toString(),
  contentType: 'application/x-www-form-urlencoded',
});

/** Interactivity payloads arrive as a form with one `payload` field holding JSON. */
export const interactive = (payload: unknown): SlackPost => form({ payload: JSON.stringify(payload) });

export const eventCallback = (body: unknown): SlackPost => ({ body: JSON.stringify(body), contentType: 'application/json' });
