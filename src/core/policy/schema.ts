// A company's AI policy file (contract: "A company's AI policy"), as zod schemas. Objects are
// strict: in a file that decides what people may do with patient data, a misspelt key ("alow")
// must stop the file rather than silently drop the rule it was meant to carry.
import { z } from 'zod';
import { PolicyStatus } from '../answer.js';
import { CategoryId, DataClass } from '../schema.js';

const text = z.string().trim().min(1);
const link = z.url({ protocol: /^https?$/, error: 'expected an http or https address' });

export const PolicyTool = z
  .object({
    /** A catalog tool's name or the short name people use ("chatgpt"), or, with `category`, the company's own tool. */
    name: text,
    status: PolicyStatus,
    /** Shown under the tool: the condition of a restricted tool, the reason for a prohibited one. */
    note: text.optional(),
    /** Makes the tool the company's own (or one the catalog lacks), offered for this kind of request. */
    category: CategoryId.optional(),
    /** Where to open the tool (the company's single sign-on page, its enterprise workspace). */
    url: link.optional(),
    /** What the company's own tool is best for; catalog tools keep the catalog's wording without it. */
    bestFor: text.optional(),
  })
  .strict();

export const DataRule = z
  .object({
    class: DataClass,
    /** The only tools that may take this class of data; `[]` allows none. */
    allow: z.array(text),
    note: text.optional(),
  })
  .strict();

export const PolicyFile = z
  .object({
    /** Editors that validate JSON may point here; ignored. */
    $schema: z.string().optional(),
    name: text.default('Company AI policy'),
    /** Who owns the policy and when it last changed: shown by `policy check`, not used in answers. */
    owner: text.optional(),
    updated: text.optional(),
    /**
     * The status of every catalog tool the file does not name. `review` when left out: a tool
     * nobody has looked at is, in fact, not reviewed, and people are told how to ask for it.
     */
    unlisted: z.enum(['approved', 'review', 'prohibited']).default('review'),
    tools: z.array(PolicyTool).default([]),
    data: z.array(DataRule).default([]),
    access: z.object({ url: link, note: text.optional() }).strict().optional(),
  })
  .strict();

export type PolicyToolT = z.infer<typeof PolicyTool>;
export type DataRuleT = z.infer<typeof DataRule>;
export type PolicyFileT = z.infer<typeof PolicyFile>;
