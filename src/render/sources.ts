// What a card says about its facts' sources and age: a ⚠ after each fact older than the
// deployment's limit, the dates of the facts the card shows (not the catalog's newest edit), and
// one line naming each source with the parts it stands behind.
import type { AnswerT, CitationT, CitedPartT } from '../core/answer.js';

const PART_WORDS: Readonly<Record<CitedPartT, string>> = {
  tools: 'tools',
  cost: 'cost',
  plans: 'plans',
  turnaround: 'turnaround',
  expertise: 'expertise',
  limitation: 'main limitation',
  changes: 'what would change the verdict',
  'industry fact': 'industry fact',
  'case study': 'case study',
};

const oldest = (cited: readonly CitationT[]): string => cited.reduce((a, c) => (c.asOf < a ? c.asOf : a), cited[0]!.asOf);
const newest = (cited: readonly CitationT[]): string => cited.reduce((a, c) => (c.asOf > a ? c.asOf : a), cited[0]!.asOf);

/** " ⚠ 2025-11-01" after a part with a stale fact (its oldest date); "" when the part is fresh. */
export function staleMark(cited: readonly CitationT[], ...parts: CitedPartT[]): string {
  const stale = cited.filter((c) => c.stale && parts.includes(c.part));
  return stale.length ? ` ⚠ ${oldest(stale)}` : '';
}

/** "facts as of 2025-11-01" or "facts dated 2025-11-01 to 2026-12-03": the age of what is shown. */
export function factDates(cited: readonly CitationT[]): string {
  if (!cited.length) return '';
  const [from, to] = [oldest(cited), newest(cited)];
  return from === to ? `facts as of ${from}` : `facts dated ${from} to ${to}`;
}

/** The legend for ⚠, when the card has a stale fact. */
export function staleLegend(answer: AnswerT, cited: readonly CitationT[]): string {
  return cited.some((c) => c.stale) ? `⚠ older than ${answer.freshness.staleAfter}` : '';
}

/** "Sources: <title>, 2025-11-01 ⚠: tools, cost; <title>, 2026-12-03: plans". */
export function sourcesLine(answer: AnswerT, cited: readonly CitationT[]): string {
  const ids: string[] = [];
  for (const c of cited) if (!ids.includes(c.source)) ids.push(c.source);
  const parts = ids.map((id) => {
    const mine = cited.filter((c) => c.source === id);
    const title = answer.sources.find((s) => s.id === id)?.title ?? id;
    const words: string[] = [];
    for (const c of mine) if (!words.includes(PART_WORDS[c.part])) words.push(PART_WORDS[c.part]);
    return `${title}, ${oldest(mine)}${mine.some((c) => c.stale) ? ' ⚠' : ''}: ${words.join(', ')}`;
  });
  return parts.length ? `Sources: ${parts.join('; ')}` : '';
}
