// Reads a button's value back into the neutral ActionPayload. Values come from Slack, so they
// are checked like any other input: a malformed one gets a polite reply, not a crash.
import { z } from 'zod';
import { checkRequest } from '../core/request.js';
import { Label, type LabelT } from '../core/model/corpus.js';
import { CategoryId, IndustryId } from '../core/schema.js';
import type { CategoryIdT, IndustryIdT } from '../core/schema.js';
import { CorrectionId } from '../store/correction-types.js';

const Payload = z.object({
  q: z.string().min(1).max(2000),
  prefer: CategoryId.optional(),
  v: z.string().max(100).optional(),
  kind: Label.optional(),
});

export interface ButtonPayload {
  readonly q: string;
  readonly prefer?: CategoryIdT;
  readonly v?: string;
  /** The kind chosen on a "what did you need?" card. */
  readonly kind?: LabelT;
}

// state.values: block id → action id → what the element holds; only the industry pick is read.
const State = z.record(z.string(), z.record(z.string(), z.object({ selected_option: z.object({ value: z.string() }).nullish() }).loose()));

/**
 * The industry picked beside the kinds, from the message's `state.values`: undefined when none
 * was picked, null when what came back is not an industry (tampered: the caller refuses it).
 */
export function readPickedIndustry(state: unknown): IndustryIdT | undefined | null {
  const values = State.safeParse((state as { values?: unknown } | undefined)?.values ?? {});
  if (!values.success) return null;
  const picked = Object.values(values.data).map((block) => block.industry?.selected_option?.value).find((v) => v !== undefined);
  if (picked === undefined) return undefined;
  const industry = IndustryId.safeParse(picked);
  return industry.success ? industry.data : null;
}

const DecisionPayload = z.object({ id: CorrectionId });

/** An owner's Accept / Reject: the correction's id only, whatever else the value holds. */
export function readDecision(value: unknown): { readonly id: string } | undefined {
  const parsed = typeof value === 'string' ? DecisionPayload.safeParse(parseJson(value)) : undefined;
  return parsed?.success ? parsed.data : undefined;
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

export function readPayload(value: unknown): ButtonPayload | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = Payload.safeParse(parseJson(value));
  if (!parsed.success) return undefined;
  // The request in a button is read like a typed one: control, bidi and zero-width characters go.
  const checked = checkRequest(parsed.data.q);
  return checked.ok ? { ...parsed.data, q: checked.text } : undefined;
}
