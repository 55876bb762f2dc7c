// The parts of a request that asks for several things: clauses, and words that join them.
import type { Token } from './text.js';

// Words that join the parts of a request that asks for several things.
const CONJUNCTIONS = new Set(['and', 'plus', 'then', 'also', 'both', 'with']);

/** Two positions in different clauses, or with a joining word between them. */
export function joined(tokens: readonly Token[], x: number, y: number): boolean {
  const lo = Math.min(x, y);
  const hi = Math.max(x, y);
  if (tokens[lo]!.clause !== tokens[hi]!.clause) return true;
  for (let i = lo + 1; i < hi; i++) if (CONJUNCTIONS.has(tokens[i]!.word)) return true;
  return false;
}

/** One phrase never reaches across two parts of a request: "images or video" is not "image to video". */
export function crossesPart(tokens: readonly Token[], lo: number, hi: number, stems: readonly string[]): boolean {
  if (tokens[lo]!.clause !== tokens[hi]!.clause) return true;
  for (let i = lo + 1; i < hi; i++) {
    const w = tokens[i]!.word;
    if ((CONJUNCTIONS.has(w) || w === 'or') && !stems.includes(tokens[i]!.stem)) return true;
  }
  return false;
}
