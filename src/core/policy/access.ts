// What a "Request access" press asks for, checked against the policy in force. The subject comes
// back from a chat client inside a button and ends up in the owners' counts, so only a tool the
// policy or the catalog knows, or a kind of tool, is counted, and under the name answers show.
import { CATEGORY_IDS, type CategoryIdT } from '../schema.js';
import { toolKey } from './catalog-tools.js';
import type { Policy } from './policy.js';

export interface AccessSubject {
  /** As the policy log counts it: a tool's name, or a category id when no tool of the kind was allowed. */
  readonly subject: string;
  /** As people read it: "Midjourney v6", "a video generator". */
  readonly label: string;
}

const isCategory = (s: string): s is CategoryIdT => (CATEGORY_IDS as readonly string[]).includes(s);

export function accessSubject(policy: Policy, asked: string): AccessSubject | null {
  if (isCategory(asked)) {
    const kind = policy.catalog.kind(asked);
    return { subject: asked, label: `${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind}` };
  }
  const name = policy.entries.get(toolKey(asked))?.name ?? policy.catalog.resolve(asked)?.name;
  return name ? { subject: name, label: name } : null;
}
