// The rotating "tool tip": each digest of a channel shows the next category's lead tool and the
// next industry case study from the seed, so consecutive digests never repeat the same tip.
// Under a company AI policy the tip is an answer too: it never suggests a prohibited tool.
import type { Catalog } from '../core/catalog.js';
import { verdictOf, type Policy } from '../core/policy/policy.js';
import type { DigestData } from '../render/digest-card.js';

export function toolTip(catalog: Catalog, n: number, policy: Policy | null = null): DigestData['tip'] {
  const allowed = (name: string): boolean => !policy || verdictOf(policy, name).status !== 'prohibited';
  const all = [...catalog.categories.values()].map((c) => ({ category: c, tools: c.tools.filter((t) => allowed(t.name)) }));
  const categories = all.filter((c) => c.tools.length);
  const studies = [...catalog.industries.values()].flatMap((i) => (i.caseStudy ? [{ industry: i.name, title: i.caseStudy.title, text: i.caseStudy.text }] : []));
  const caseStudy = studies.length ? studies[n % studies.length]! : null;
  if (!categories.length) return null;
  const { category, tools } = categories[n % categories.length]!;
  const tool = tools[Math.floor(n / categories.length) % tools.length]!;
  return { category: category.name, tool: tool.name, bestFor: tool.bestFor, caseStudy };
}
