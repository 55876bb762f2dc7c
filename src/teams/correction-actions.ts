// The corrections flow's card buttons in Teams: "Something else…", a kind chosen, and the
// owners' Accept / Reject. Each ends in the card that replaces the pressed one.
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { MAX_REQUEST_CHARS } from '../core/errors.js';
import { Label } from '../core/model/corpus.js';
import { checkRequest } from '../core/request.js';
import { CategoryId, IndustryId } from '../core/schema.js';
import { chooseKind, decideCorrection, offerKinds, type Presser } from '../surface/corrections.js';
import type { Card } from '../render/card.js';
import type { SurfaceDeps } from '../surface/deps.js';
import { CorrectionId } from '../store/correction-types.js';
import { whereFrom } from './conversation.js';

export const CORRECTION_VERBS = ['something_else', 'kind', 'correction_accept', 'correction_reject'] as const;
export type CorrectionVerb = (typeof CORRECTION_VERBS)[number];

const Asked = z.object({ q: z.string().max(MAX_REQUEST_CHARS), prefer: CategoryId.optional(), v: z.string().max(64).optional() });
const Decision = z.object({ id: CorrectionId });
// The Input.ChoiceSet's value, merged into the data by the client: "" (or absent) when nothing was picked.
const Picked = z.union([IndustryId, z.literal('').transform(() => undefined)]).optional();

/** The presser: WHICH_TOOL_OWNERS names Teams people by their Entra (AAD) object id. */
export function teamsPresser(activity: Partial<Activity>): Presser {
  const from = activity.from;
  const user = from?.aadObjectId ?? from?.id ?? 'unknown';
  return { surface: 'teams', workspace: whereFrom(activity).tenantId, user, ids: [from?.aadObjectId, from?.id].filter((id): id is string => Boolean(id)) };
}

/** Undefined when the data does not fit the verb: the caller answers it as a stale button. */
export async function correctionAction(deps: SurfaceDeps, verb: CorrectionVerb, data: unknown, who: Presser): Promise<Card | undefined> {
  if (verb === 'correction_accept' || verb === 'correction_reject') {
    const d = Decision.safeParse(data);
    return d.success ? decideCorrection(deps, d.data.id, verb === 'correction_accept' ? 'accepted' : 'rejected', who) : undefined;
  }
  const d = Asked.safeParse(data);
  const chosen = data as { kind?: unknown; industry?: unknown } | null;
  const kind = verb === 'kind' ? Label.safeParse(chosen?.kind) : undefined;
  const industry = Picked.safeParse(chosen?.industry);
  // The request in a card is read like a typed one.
  const checked = d.success ? checkRequest(d.data.q) : undefined;
  if (!d.success || !checked?.ok || kind?.success === false || !industry.success) return undefined;
  const asked = { ...d.data, q: checked.text };
  return kind ? chooseKind(deps, asked, kind.data, who, industry.data) : offerKinds(deps, asked);
}
