// What every card button carries back, as one zod schema both surfaces read with: Slack from a
// button's JSON value, Teams from an Adaptive Card's data. Buttons come from clients, so they are
// input like any other: a malformed, oversized or tampered one is refused, never trusted.
import { z } from 'zod';
import { MAX_REQUEST_CHARS } from '../core/errors.js';
import { checkRequest } from '../core/request.js';
import { Label } from '../core/model/corpus.js';
import { CategoryId } from '../core/schema.js';

export const ButtonPayload = z.object({
  q: z.string().min(1).max(MAX_REQUEST_CHARS),
  prefer: CategoryId.optional(),
  /** The catalog version of the card the button was on. */
  v: z.string().max(64).optional(),
  /** `request_access`: a tool's name, or a category id when no tool is allowed. */
  access: z.string().max(200).optional(),
  /** `kind`: the kind the person says they needed (a category id, or "none"). */
  kind: Label.optional(),
  /** `correction_accept` / `correction_reject`: the correction's id (read apart, see slack/payload.ts). */
  id: z.string().max(64).optional(),
});
export type ButtonPayloadT = z.infer<typeof ButtonPayload>;

/** The payload, its request read like a typed one (control, bidi and zero-width characters go); undefined when it does not parse. */
export function readButtonPayload(data: unknown): ButtonPayloadT | undefined {
  const parsed = ButtonPayload.safeParse(data);
  if (!parsed.success) return undefined;
  const checked = checkRequest(parsed.data.q);
  return checked.ok ? { ...parsed.data, q: checked.text } : undefined;
}
