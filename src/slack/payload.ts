// Reads a button's value back into the neutral ActionPayload. Values come from Slack, so they
// are checked like any other input: a malformed one gets a polite reply, not a crash.
import { z } from 'zod';
import { checkRequest } from '../core/request.js';
import { CategoryId } from '../core/schema.js';
import type { CategoryIdT } from '../core/schema.js';

const Payload = z.object({
  q: z.string().min(1).max(2000),
  prefer: CategoryId.optional(),
  v: z.string().max(100).optional(),
});

export interface ButtonPayload {
  readonly q: string;
  readonly prefer?: CategoryIdT;
  readonly v?: string;
}

export function readPayload(value: unknown): ButtonPayload | undefined {
  if (typeof value !== 'string') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return undefined;
  }
  const parsed = Payload.safeParse(json);
  if (!parsed.success) return undefined;
  // The request in a button is read like a typed one: control, bidi and zero-width characters go.
  const checked = checkRequest(parsed.data.q);
  return checked.ok ? { ...parsed.data, q: checked.text } : undefined;
}
