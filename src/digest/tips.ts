// The rotating "tool tip": each digest of a channel shows the next category's lead tool and the
// next industry case study from the seed, so consecutive digests never repeat the same tip.
import type { Catalog } from '../core/catalog.js';
import type { DigestData } from '../render/digest-card.js';

export function toolTip(catalog: Catalog, n: number): DigestData['tip'] {
  const categories = [...catalog.categories.values()];
  const category = categories[n % categories.length]!;
  const tool = category.tools[Math.floor(n / categories.length) % category.tools.length]!;
  const studies = [...catalog.industries.values()].flatMap((i) => (i.caseStudy ? [{ industry: i.name, title: i.caseStudy.title, text: i.caseStudy.text }] : []));
  return {
    category: category.name,
    tool: tool.name,
    bestFor: tool.bestFor,
    caseStudy: studies.length ? studies[n % studies.length]! : null,
  };
}
