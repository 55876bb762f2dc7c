// Reads a Slack button's value (JSON text) with the payload schema both surfaces share, and the
// two things only Slack sends apart from it: the industry picked in a select beside the kinds,
// and an owner's Accept / Reject, which carries a correction's id and nothing else.
import { z } from 'zod';
import { IndustryId, type IndustryIdT } from '../core/schema.js';
import { readButtonPayload, type ButtonPayloadT } from '../render/button-payload.js';
import { CorrectionId } from '../store/correction-types.js';

export type ButtonPayload = ButtonPayloadT;

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

export function readPayload(value: unknown): ButtonPayload | undefined {
  return typeof value === 'string' ? readButtonPayload(parseJson(value)) : undefined;
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
