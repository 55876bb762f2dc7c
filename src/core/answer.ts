// The one neutral answer model. Every surface renders it as it is; a button carries the request,
// not the answer, and asks the recommender again, so a card, a digest line and `which-tool ask
// --json` always agree.
import { z } from 'zod';
import { CategoryId, DataClass, Estimate, IndustryId, Volume } from './schema.js';

const Facts = z
  .object({
    technology: z.array(z.string()),
    cost: z.string(),
    turnaround: z.string(),
    expertise: z.object({ level: z.string(), text: z.string() }),
    strengths: z.array(z.string()),
    limitations: z.array(z.string()),
  })
  .strict();

/** The parts of a card a catalog fact can stand behind. */
export const CitedPart = z.enum(['tools', 'cost', 'plans', 'turnaround', 'expertise', 'limitation', 'changes', 'industry fact', 'case study']);

/** A catalog entry behind a part of the answer: its source (an id in `sources`), its date, and
 * whether that date is older than the deployment's limit (WHICH_TOOL_STALE_AFTER). */
export const Citation = z.object({ part: CitedPart, source: z.string(), asOf: z.string(), stale: z.boolean() }).strict();

/** A subscription-priced tool shown on the answer, and its plans' range. */
const Plan = z
  .object({ tool: z.string(), low: z.number(), high: z.number(), currency: z.literal('USD'), per: z.literal('month') })
  .strict();

/** What would make another kind the better choice, and that kind. */
const Change = z.object({ when: z.string(), category: CategoryId, label: z.string() }).strict();

/** `tool` is null when a policy allows no tool for the step. */
const RecipeStep = z.object({ step: z.string(), category: CategoryId, tool: z.string().nullable() }).strict();

/** A policy status: `approved`, `restricted` (allowed under its note), `review` (not reviewed yet),
 * `prohibited` (never recommended). Null on a named tool when no policy is in force. */
export const PolicyStatus = z.enum(['approved', 'restricted', 'review', 'prohibited']);
/** The statuses a recommended tool can have: prohibited tools are never in `tools`. */
export const ShownStatus = PolicyStatus.exclude(['prohibited']);

export const OfferedTool = z
  .object({
    name: z.string(),
    bestFor: z.string(),
    /** Only under a policy (issue 13), with the policy's note and the company's link for the tool. */
    policy: ShownStatus.optional(),
    note: z.string().optional(),
    url: z.string().optional(),
  })
  .strict();

/** Why a recommendation under a policy offers nothing that may be used now. */
export const Unavailable = z
  .object({
    /** `prohibited`: the policy allows no tool of the kind; `data`: a data rule leaves none;
     * `review`: the tools shown are all still under review. */
    reason: z.enum(['prohibited', 'data', 'review']),
    note: z.string(),
  })
  .strict();

export const Recommendation = z
  .object({
    category: CategoryId,
    label: z.string(),
    verdict: z.string(),
    score: z.number().min(0).max(1),
    /** At least one without a policy; a policy may leave none (then `unavailable` says why). */
    tools: z.array(OfferedTool),
    estimate: Estimate.optional(),
    /** The tools shown that are sold by subscription, with their plans' range. */
    plans: z.array(Plan),
    useCase: z.object({ id: z.string(), title: z.string() }).strict().nullable(),
    matched: z.array(z.string()),
    facts: Facts,
    /** Only for `multimodal`: which tool does which part. */
    recipe: z.array(RecipeStep).optional(),
    /** One or two things that would make another kind the better choice; the other
     * recommendations' kinds first. */
    changes: z.array(Change),
    /** The catalog entries behind this recommendation's parts, with their sources and dates. */
    cited: z.array(Citation),
    unavailable: Unavailable.optional(),
  })
  .strict();

export const NamedTool = z
  .object({
    name: z.string(),
    category: CategoryId,
    /** The kind of tool it is ("Image generator") and what it is best for: how it compares. */
    label: z.string(),
    bestFor: z.string(),
    /** For a side-by-side of the tools named: the plans of a subscription-priced tool, what its
     * kind costs per use, and its kind's first limit (catalog tools only). */
    plan: Plan.omit({ tool: true }).optional(),
    cost: z.string().optional(),
    limit: z.string().optional(),
    policy: PolicyStatus.nullable(),
    note: z.string().optional(),
    /** Under a policy, for a tool that may not be used now: allowed tools of the same kind. */
    instead: z.array(z.string()).optional(),
  })
  .strict();

/** A data rule of the policy that applies to this request (contract: `notices`). */
export const Notice = z.object({ class: DataClass, note: z.string() }).strict();

export const Clarification = z
  .object({ category: CategoryId, label: z.string(), query: z.string() })
  .strict();

export const Answer = z
  .object({
    /** Only under a policy: its data rules for the classes this request mentions, shown first. */
    notices: z.array(Notice).optional(),
    query: z.string(),
    industry: IndustryId.nullable(),
    volume: Volume.nullable(),
    /** Best first; the first is the recommendation, the rest are the alternatives. */
    recommendations: z.array(Recommendation),
    /** The AI products the request names (contract: `named`). */
    named: z.array(NamedTool),
    /** Sensitive data the request says it involves (contract: `data`). */
    data: z.array(DataClass),
    confidence: z.number().min(0).max(1),
    explanation: z
      .object({
        summary: z.string(),
        industry: z.object({ id: IndustryId, name: z.string(), matched: z.string() }).strict().nullable(),
      })
      .strict(),
    /** Offered instead of a confident guess when the evidence is thin or two categories tie. */
    clarify: z.array(Clarification),
    industryContext: z
      .object({
        id: IndustryId,
        name: z.string(),
        uses: z.string(),
        /** The industry's fact that fits the work asked for; null when none does. */
        fact: z.string().nullable(),
        caseStudy: z.object({ title: z.string(), text: z.string() }).strict().nullable(),
        cited: z.array(Citation),
      })
      .strict()
      /** Null when the request names no industry, or none of its facts fits the work asked for. */
      .nullable(),
    catalog: z.object({ version: z.string(), asOf: z.string() }).strict(),
    /** Every source the answer cites: what a card's "Sources" line names (its note is in
     * data/sources.json). */
    sources: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string(), asOf: z.string() }).strict()),
    /** How old a fact may be before it is stale, and the first day that is not. */
    freshness: z.object({ staleAfter: z.string(), freshFrom: z.string() }).strict(),
    /** The learned model's version, or null when answers come from the phrases alone. */
    model: z.string().nullable(),
    /** Only under a policy: which one, and where to ask for a tool it does not allow yet. */
    appliedPolicy: z
      .object({ name: z.string(), version: z.string(), access: z.object({ url: z.string(), note: z.string().optional() }).strict().nullable() })
      .strict()
      .optional(),
  })
  .strict();

export type RecommendationT = z.infer<typeof Recommendation>;
export type CitationT = z.infer<typeof Citation>;
export type CitedPartT = z.infer<typeof CitedPart>;
export type OfferedToolT = z.infer<typeof OfferedTool>;
export type PolicyStatusT = z.infer<typeof PolicyStatus>;
export type ShownStatusT = z.infer<typeof ShownStatus>;
export type NamedToolT = z.infer<typeof NamedTool>;
export type NoticeT = z.infer<typeof Notice>;
export type ClarificationT = z.infer<typeof Clarification>;
export type AnswerT = z.infer<typeof Answer>;

/** The top recommendation, or undefined when nothing fits. */
export const primary = (answer: AnswerT): RecommendationT | undefined => answer.recommendations[0];
