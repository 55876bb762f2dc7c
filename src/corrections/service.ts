// "Not what I needed" → the kind that was → the owners' decision. The one place that records,
// limits and decides corrections, for every surface and the command line. It sits at the edge,
// beside the digest: the core never sees the store.
import { createHash } from 'node:crypto';
import type { AnswerT } from '../core/answer.js';
import type { Catalog } from '../core/catalog.js';
import { CorrectionError, ErrorCode, messages } from '../core/errors.js';
import { Label } from '../core/model/corpus.js';
import { IndustryId, type IndustryIdT } from '../core/schema.js';
import { isOwner } from '../config/config.js';
import type { ChosenKind, CorrectionRecord, CorrectionStatus, CorrectionStore } from '../store/correction-types.js';
import type { Surface } from '../store/types.js';

const HOUR_MS = 3_600_000;

export interface CorrectionSettings {
  /** Whether the request's text is kept (without it a correction cannot teach). */
  readonly keepText: boolean;
  /** Corrections one person may send per hour; 0: no limit. */
  readonly perHour: number;
  /** WHICH_TOOL_OWNERS, lower-cased. */
  readonly owners: ReadonlySet<string>;
  readonly now?: () => Date;
}

export interface CorrectionInput {
  /** The answer the person corrected (the surfaces have it from the button's request). */
  readonly answer: Pick<AnswerT, 'query' | 'industry' | 'recommendations' | 'catalog' | 'model'>;
  readonly chosen: { readonly category: ChosenKind; readonly industry?: IndustryIdT | null };
  readonly surface: Surface;
  readonly workspace: string;
  /** The raw platform user id: hashed here, never stored. */
  readonly user: string;
}

export interface Recorded {
  readonly correction: CorrectionRecord;
  /** False when no text is kept: the owners see the change of kind, the model learns nothing. */
  readonly canTeach: boolean;
  /** What to tell the person. */
  readonly message: string;
}

export interface Decided {
  /** Corrections now in the asked status (including those already in it). */
  readonly decided: CorrectionRecord[];
  readonly unknown: string[];
  /** `--all` leaves flagged corrections for a decision one by one. */
  readonly skippedFlagged: CorrectionRecord[];
}

/** The same key for a person as App Home's history: a hash of platform, workspace and user. */
export function correctionUserKey(surface: Surface, workspace: string, user: string): string {
  return createHash('sha256').update(`${surface}:${workspace}:${user}`).digest('hex');
}

export class CorrectionService {
  private readonly listeners = new Set<() => void>();
  private readonly now: () => Date;

  constructor(
    private readonly store: CorrectionStore,
    /** For the kinds' names in what people are told. */
    private readonly catalog: Pick<Catalog, 'categories'>,
    private readonly settings: CorrectionSettings,
  ) {
    this.now = settings.now ?? (() => new Date());
  }

  get keepsText(): boolean {
    return this.settings.keepText;
  }

  /** The ids WHICH_TOOL_OWNERS names, lower-cased: a surface looks up the groups among them. */
  get owners(): ReadonlySet<string> {
    return this.settings.owners;
  }

  /** Whether any of a person's ids (user, AAD object, groups) is an owner's. */
  isOwner(...ids: readonly (string | null | undefined)[]): boolean {
    return isOwner(this.settings.owners, ...ids);
  }

  /** Records a correction; throws CorrectionError (rate-limited: the person is flagged) or on an unknown kind. */
  async record(input: CorrectionInput): Promise<Recorded> {
    const category = Label.safeParse(input.chosen.category);
    const industry = IndustryId.nullable().safeParse(input.chosen.industry ?? null);
    if (!category.success || !industry.success) throw new CorrectionError(ErrorCode.CorrectionInvalid, 'a correction must name a known kind (or "none") and industry');
    const now = this.now();
    const userKey = correctionUserKey(input.surface, input.workspace, input.user);
    const since = new Date(now.getTime() - HOUR_MS);
    const { perHour, keepText } = this.settings;
    if (perHour > 0 && (await this.store.countSince(userKey, since)) >= perHour) {
      // A flood is refused, and what this person sent within the hour is marked for the owners.
      await this.store.flagSince(userKey, since);
      throw new CorrectionError(ErrorCode.CorrectionRateLimited, messages.correctionRateLimited(perHour));
    }
    const { answer } = input;
    const correction = await this.store.add({
      at: now,
      surface: input.surface,
      workspace: input.workspace,
      userKey,
      text: keepText ? answer.query : null,
      answered: { category: answer.recommendations[0]?.category ?? null, industry: answer.industry },
      chosen: { category: category.data, industry: industry.data },
      catalogVersion: answer.catalog.version,
      modelVersion: answer.model,
      flagged: await this.store.isFlagged(userKey),
    });
    const kind = this.kindName(category.data);
    return { correction, canTeach: keepText, message: keepText ? messages.correctionThanks(kind) : messages.correctionThanksNoText(kind) };
  }

  list(status?: CorrectionStatus): Promise<CorrectionRecord[]> {
    return this.store.list(status);
  }

  get(id: string): Promise<CorrectionRecord | undefined> {
    return this.store.get(id);
  }

  accept(ids: readonly string[], by: string): Promise<Decided> {
    return this.decide(ids, 'accepted', by);
  }

  /** Every pending correction that is not flagged: flagged ones need a look, one by one. */
  async acceptAll(by: string): Promise<Decided> {
    const pending = await this.store.list('pending');
    const result = await this.decide(pending.filter((c) => !c.flagged).map((c) => c.id), 'accepted', by);
    return { ...result, skippedFlagged: pending.filter((c) => c.flagged) };
  }

  /** Rejecting an accepted correction takes it out of what the deployment learns from. */
  reject(ids: readonly string[], by: string): Promise<Decided> {
    return this.decide(ids, 'rejected', by);
  }

  /** Called after every accept or reject that changed something (the same process retrains at once). */
  onDecided(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The category's name from the catalog, lower-cased for a sentence; "none" in words. */
  kindName(kind: ChosenKind): string {
    if (kind === 'none') return 'no AI tool (not an AI-tool question)';
    const name = this.catalog.categories.get(kind)?.name ?? kind;
    return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  }

  private async decide(ids: readonly string[], status: 'accepted' | 'rejected', by: string): Promise<Decided> {
    const unique = [...new Set(ids)];
    const before = new Map(await Promise.all(unique.map(async (id) => [id, await this.store.get(id)] as const)));
    const known = unique.filter((id) => before.get(id));
    const changed = known.filter((id) => before.get(id)!.status !== status);
    await this.store.decide(changed, status, by, this.now());
    if (changed.length) for (const listener of this.listeners) listener();
    return {
      decided: (await Promise.all(known.map((id) => this.store.get(id)))).filter((c): c is CorrectionRecord => c !== undefined),
      unknown: unique.filter((id) => !before.get(id)),
      skippedFlagged: [],
    };
  }
}
