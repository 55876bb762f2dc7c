// Every dated entry of the catalog, and which of them are stale: what `which-tool catalog check`
// lists and what the owners' digest counts ("14 prices older than 6 months"). The catalog is
// walked generically, so an entry added to the data files later is checked without code.
import type { Catalog } from './catalog.js';
import { DATA_FILES } from './catalog.js';
import { describeStaleAfter, freshFrom, isStale, type Freshness } from './freshness.js';

/** Prices change fastest and are what people budget with, so they are counted apart. */
export type DatedKind = 'price' | 'tool' | 'fact' | 'use case';

export interface DatedEntry {
  readonly file: string;
  /** Where in the file, e.g. `categories[2].costs[0]`. */
  readonly path: string;
  readonly kind: DatedKind;
  /** What the entry says, short enough for one line. */
  readonly label: string;
  readonly source: string;
  readonly asOf: string;
}

const SHORT = 90;
const short = (s: string): string => (s.length > SHORT ? `${s.slice(0, SHORT - 1)}…` : s);

function labelOf(rec: Record<string, unknown>, owner: string): string {
  // Cents to two places, fractions of a cent as written ("$0.001", "$0.50", "$5").
  const money = (n: unknown): string => {
    const v = Number(n);
    return `$${v >= 1 ? String(Math.round(v * 100) / 100) : v >= 0.01 ? v.toFixed(2) : String(v)}`;
  };
  if (typeof rec.low === 'number' && typeof rec.high === 'number') {
    const per = typeof rec.unit === 'string' ? `per ${rec.unit}` : `a ${String(rec.per ?? 'month')}`;
    return `${owner}: ${money(rec.low)}–${money(rec.high)} ${per}`;
  }
  const words = [rec.name, rec.title, rec.when, rec.text].find((v): v is string => typeof v === 'string');
  return short(`${owner}: ${words ?? '(entry)'}`);
}

function kindOf(path: string, isRoot: boolean, file: string): DatedKind {
  if (/\.(costs\[\d+\]|costNote|plans)$/.test(path)) return 'price';
  if (/\.tools\[\d+\]$/.test(path)) return 'tool';
  if (isRoot && file === DATA_FILES.useCases) return 'use case';
  return 'fact';
}

/** Every entry of the catalog that carries a source and an as-of date, in file order. */
export function datedEntries(catalog: Catalog): DatedEntry[] {
  const out: DatedEntry[] = [];
  const walk = (file: string, node: unknown, path: string, owner: string, isRoot: boolean): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(file, n, `${path}[${i}]`, owner, isRoot));
      return;
    }
    if (!node || typeof node !== 'object') return;
    const rec = node as Record<string, unknown>;
    const name = typeof rec.name === 'string' && isRoot ? rec.name : typeof rec.title === 'string' && isRoot ? rec.title : owner;
    if (typeof rec.source === 'string' && typeof rec.asOf === 'string') {
      out.push({ file, path, kind: kindOf(path, isRoot, file), label: labelOf(rec, name), source: rec.source, asOf: rec.asOf });
    }
    for (const [k, v] of Object.entries(rec)) if (v && typeof v === 'object') walk(file, v, `${path}.${k}`, name, false);
  };
  const roots: [string, string, readonly unknown[]][] = [
    [DATA_FILES.categories, 'categories', [...catalog.categories.values()]],
    [DATA_FILES.useCases, 'useCases', catalog.useCases],
    [DATA_FILES.industries, 'industries', [...catalog.industries.values()]],
  ];
  for (const [file, key, items] of roots) items.forEach((item, i) => walk(file, item, `${key}[${i}]`, '', true));
  return out;
}

export interface StaleReport {
  /** "6 months". */
  readonly staleAfter: string;
  /** Entries dated before this day are stale. */
  readonly freshFrom: string;
  readonly checked: number;
  readonly stale: readonly DatedEntry[];
  /** Stale entries by kind, every kind present (0 when none). */
  readonly counts: Readonly<Record<DatedKind, number>>;
}

export function staleReport(catalog: Catalog, freshness: Freshness): StaleReport {
  const from = freshFrom(freshness.now(), freshness.staleAfter);
  const all = datedEntries(catalog);
  const stale = all.filter((e) => isStale(e.asOf, from)).sort((a, b) => a.asOf.localeCompare(b.asOf));
  const counts: Record<DatedKind, number> = { price: 0, tool: 0, fact: 0, 'use case': 0 };
  for (const e of stale) counts[e.kind]++;
  return { staleAfter: describeStaleAfter(freshness.staleAfter), freshFrom: from, checked: all.length, stale, counts };
}

/** The owners' digest line: "14 prices older than 6 months", "1 price older than 1 year"; null
 * when no price is stale. Prices alone, because they are what people budget with. */
export function stalePricesLine(report: StaleReport): string | null {
  const n = report.counts.price;
  return n ? `${n} ${n === 1 ? 'price' : 'prices'} older than ${report.staleAfter}` : null;
}
