// The catalog's data files and the answer model, as zod schemas. The TypeScript types are
// inferred from these, so the data files, the validator and the code cannot drift apart.
import { z } from 'zod';

export const CATEGORY_IDS = ['llm', 'code', 'image', 'video', 'audio', '3d', 'multimodal'] as const;
export const INDUSTRY_IDS = [
  'healthcare', 'finance', 'education', 'entertainment', 'customer-service', 'software',
  'manufacturing', 'marketing', 'gaming', 'automotive', 'retail', 'legal', 'pharma',
  'real-estate', 'architecture', 'fashion', 'media',
] as const;
export const UNITS = ['image', 'video', 'query', 'audio', 'model'] as const;
/** Sensitive data a request may involve (contract: `data`). */
export const DATA_CLASSES = ['personal', 'health', 'financial', 'credentials', 'source-code', 'confidential'] as const;
export const PERIODS = ['day', 'week', 'month', 'year'] as const;

export const CategoryId = z.enum(CATEGORY_IDS);
/** The kinds that can do one part of a combined request. */
export const PART_IDS = ['llm', 'image', 'video', 'audio', '3d'] as const;
export const PartId = z.enum(PART_IDS);
export const IndustryId = z.enum(INDUSTRY_IDS);
export const Unit = z.enum(UNITS);
export const Period = z.enum(PERIODS);
export const DataClass = z.enum(DATA_CLASSES);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id with dashes');
const text = z.string().trim().min(1);

/** Where a fact comes from, and when it was last true, so stale entries can be found. */
const provenance = { source: id, asOf: isoDate };

export const Fact = z.object({ text, ...provenance }).strict();

/** What would make another kind the better choice: "it needs motion" → video. */
export const Change = z.object({ when: text, then: CategoryId, ...provenance }).strict();

export const Source = z.object({ id, title: text, kind: text, asOf: isoDate, note: text.optional() }).strict();
export const SourcesFile = z.object({ sources: z.array(Source).min(1) }).strict();

export const Tool = z
  .object({
    name: text,
    vendor: text.optional(),
    bestFor: text,
    /** The short names people use ("midjourney", "chatgpt"), on the tool's home category. */
    aliases: z.array(text).optional(),
    /** A combined tool's own parts ("ChatGPT + DALL-E 3": words and images): it is offered as
     * doing a whole recipe only when it covers every step. */
    covers: z.array(PartId).min(2).optional(),
    /** A tool sold by subscription: its plans' price range, cheapest to dearest. */
    plans: z
      .object({ low: z.number().nonnegative(), high: z.number().positive(), currency: z.literal('USD'), per: z.literal('month'), ...provenance })
      .strict()
      .refine((p) => p.low <= p.high, { message: 'low must not exceed high', path: ['low'] })
      .optional(),
    ...provenance,
  })
  .strict();

export const CostRange = z
  .object({
    unit: Unit,
    low: z.number().positive(),
    high: z.number().positive(),
    currency: z.literal('USD'),
    ...provenance,
  })
  .strict()
  .refine((c) => c.low <= c.high, { message: 'low must not exceed high', path: ['low'] });

export const Category = z
  .object({
    id: CategoryId,
    name: text,
    verdict: text,
    /** What this kind of tool does within a combined workflow. */
    role: text,
    /** The unit a stated volume is counted in when this category is recommended. */
    unit: Unit.nullable(),
    kind: z.enum(['language', 'specialist', 'combined']),
    summary: text,
    technology: z.array(text).min(1),
    tools: z.array(Tool).min(1),
    /** Per-unit price ranges; a category without one has no estimate. */
    costs: z.array(CostRange),
    costNote: Fact,
    turnaround: Fact,
    expertise: z.object({ level: z.enum(['low', 'low to moderate', 'moderate', 'moderate to high', 'high']), ...Fact.shape }).strict(),
    strengths: z.array(Fact).min(1),
    limitations: z.array(Fact).min(1),
    whenToUse: z.array(text).min(1),
    /** What would make another kind the better choice, most telling first. */
    changes: z.array(Change).min(1),
  })
  .strict();
export const CategoriesFile = z.object({ categories: z.array(Category).length(CATEGORY_IDS.length) }).strict();

export const UseCase = z
  .object({
    id,
    title: text,
    category: CategoryId,
    secondary: CategoryId.optional(),
    /** Expressions that name this need outright; each is strong evidence. */
    phrases: z.array(text).min(1),
    /** Words that hint at it; weak evidence alone. */
    cues: z.array(text).default([]),
    /** Best tools first, by name; each must be a tool of the category or the secondary one. */
    tools: z.array(text).min(1),
    /** A combined use case's parts, always in its recipe ("music video": audio and video). */
    parts: z.array(PartId).min(2).optional(),
    /** What would make another kind the better choice for this work, before the category's own. */
    changes: z.array(Change).optional(),
    ...provenance,
  })
  .strict();
export const UseCasesFile = z.object({ useCases: z.array(UseCase).min(1) }).strict();

/** The answers an industry fact or case study is about: those whose use case is listed, or whose
 * kind of tool is (a combined answer's parts count too). One that fits neither is not shown. */
const fits = {
  categories: z.array(CategoryId).min(1).optional(),
  useCases: z.array(id).min(1).optional(),
};
const needsFit = (f: { categories?: unknown; useCases?: unknown }): boolean => Boolean(f.categories || f.useCases);
const fitMessage = { message: 'say which answers it fits: categories, useCases or both', path: ['categories'] };

export const IndustryFact = Fact.extend(fits).strict().refine(needsFit, fitMessage);
export const CaseStudy = Fact.extend({ title: text, ...fits }).strict().refine(needsFit, fitMessage);

export const Industry = z
  .object({
    id: IndustryId,
    name: text,
    aliases: z.array(text).min(1),
    /** Trade words that place a request in the industry less surely than an alias; the model weighs them. */
    terms: z.array(text).default([]),
    languageUses: z.array(text).min(1),
    generativeUses: z.array(text).min(1),
    facts: z.array(IndustryFact).min(1),
    caseStudy: CaseStudy.optional(),
  })
  .strict();
export const IndustriesFile = z.object({ industries: z.array(Industry).length(INDUSTRY_IDS.length) }).strict();

export const Lexicon = z
  .object({
    /** Chat shorthand and emoji shortcodes, replaced by plain words before matching. */
    replacements: z.record(z.string(), z.string()),
    /** Common words never "corrected" into catalog words. */
    commonWords: z.array(z.string()),
    negations: z.array(z.string()),
    /** Words after an output that mark it as already in hand ("the script is ready"). */
    inHand: z.array(z.string()),
    /** Small talk and office logistics: evidence that a message is not a request for a tool. */
    offTopic: z.array(text),
    /** Trade jargon that points to one kind of output ("stinger" audio, "retopology" 3D); the model weighs it. */
    categoryTerms: z.partialRecord(z.enum(['llm', 'code', 'image', 'video', 'audio', '3d']), z.array(text)).default({}),
    /** Words that say a request involves a class of sensitive data ("patient's chart", "api key"). */
    dataTerms: z.partialRecord(DataClass, z.array(text)).default({}),
    /** Words that say the data is not real ("synthetic", "anonymised", "regex for"). */
    notRealData: z.array(text).default([]),
  })
  .strict();

export const Volume = z.object({ count: z.number().positive(), unit: Unit, period: Period }).strict();

export const Estimate = z
  .object({ low: z.number(), high: z.number(), currency: z.literal('USD'), per: Period, unitLow: z.number(), unitHigh: z.number(), unit: Unit })
  .strict();

export type CategoryIdT = z.infer<typeof CategoryId>;
export type PartIdT = z.infer<typeof PartId>;
export type IndustryIdT = z.infer<typeof IndustryId>;
export type UnitT = z.infer<typeof Unit>;
export type PeriodT = z.infer<typeof Period>;
export type DataClassT = z.infer<typeof DataClass>;
export type FactT = z.infer<typeof Fact>;
export type ChangeT = z.infer<typeof Change>;
export type SourceT = z.infer<typeof Source>;
export type ToolT = z.infer<typeof Tool>;
export type CostRangeT = z.infer<typeof CostRange>;
export type CategoryT = z.infer<typeof Category>;
export type UseCaseT = z.infer<typeof UseCase>;
export type IndustryT = z.infer<typeof Industry>;
export type IndustryFactT = z.infer<typeof IndustryFact>;
export type LexiconT = z.infer<typeof Lexicon>;
export type VolumeT = z.infer<typeof Volume>;
export type EstimateT = z.infer<typeof Estimate>;
