// The corrections flow as both chat surfaces run it, on plain values: each surface reads its
// button, says who pressed it, and shows the card these return. Slack and Teams differ only there.
import type { LabelT } from '../core/model/corpus.js';
import type { CategoryIdT, IndustryIdT } from '../core/schema.js';
import { CorrectionError, ErrorCode, messages } from '../core/errors.js';
import { noticeCard } from '../render/answer-card.js';
import type { Card } from '../render/card.js';
import { correctionLimitCard, correctionThanksCard, decidedCard, kindsCard, NOT_OWNER_TITLE } from '../render/correction-card.js';
import type { SurfaceDeps } from './deps.js';
import type { Surface } from '../store/types.js';

/** The answer a kinds card is about: the request and how it was answered. */
export interface Corrected {
  readonly q: string;
  readonly v?: string;
  readonly prefer?: CategoryIdT;
}

/** Who pressed, as the service records them. */
export interface Presser {
  readonly surface: Surface;
  readonly workspace: string;
  /** The platform's user id (hashed by the service, never stored). */
  readonly user: string;
  /** Every id WHICH_TOOL_OWNERS may name for this person (user id, AAD object id). */
  readonly ids: readonly string[];
  /**
   * The groups among the owners' ids that this person is in (Slack user groups, Teams teams),
   * asked of the platform only when none of their own ids is named.
   */
  readonly groups?: (owners: ReadonlySet<string>) => Promise<readonly string[]>;
}

export const NO_CORRECTIONS = noticeCard('Thanks', 'This deployment keeps no corrections (it runs without a database), so nothing was recorded.');

/** The kinds to choose from; without a store there is nothing to record, and the person is told so now. */
export const offerKinds = (deps: SurfaceDeps, c: Corrected): Card =>
  deps.corrections
    ? kindsCard({
        query: c.q,
        ...(c.v ? { v: c.v } : {}),
        ...(c.prefer ? { prefer: c.prefer } : {}),
        keepsText: deps.corrections.keepsText,
        industries: [...deps.recommender.catalog.industries.values()].map((i) => ({ value: i.id, label: i.name })),
      })
    : NO_CORRECTIONS;

/** Records the kind (and industry, if picked) chosen for the answer `c` stood for; thanks, or says politely why not. */
export async function chooseKind(deps: SurfaceDeps, c: Corrected, kind: LabelT, who: Presser, industry?: IndustryIdT): Promise<Card> {
  const service = deps.corrections;
  if (!service) return NO_CORRECTIONS;
  // Asked again as it was answered: the button carries the request, not the answer.
  const answer = deps.recommender.ask(c.q, c.prefer ? { prefer: c.prefer } : {});
  try {
    const recorded = await service.record({ answer, chosen: { category: kind, ...(industry ? { industry } : {}) }, surface: who.surface, workspace: who.workspace, user: who.user });
    return correctionThanksCard(recorded.message);
  } catch (err) {
    if (err instanceof CorrectionError && err.code === ErrorCode.CorrectionRateLimited) return correctionLimitCard(err.message);
    throw err;
  }
}

/** An owner's Accept or Reject; anyone else is refused and nothing changes. */
export async function decideCorrection(deps: SurfaceDeps, id: string, status: 'accepted' | 'rejected', who: Presser): Promise<Card> {
  const service = deps.corrections;
  if (!service) return NO_CORRECTIONS;
  const owner = service.isOwner(...who.ids) || (who.groups !== undefined && service.isOwner(...(await who.groups(service.owners))));
  if (!owner) return noticeCard(NOT_OWNER_TITLE, messages.notOwner);
  const by = `${who.surface}:${who.ids[0] ?? who.user}`;
  const result = status === 'accepted' ? await service.accept([id], by) : await service.reject([id], by);
  const decided = result.decided[0];
  if (!decided) return noticeCard('No such correction', 'It may have been deleted. See the list with “which-tool corrections list”.');
  return decidedCard(status, decided.text, service.kindName(decided.chosen.category));
}
