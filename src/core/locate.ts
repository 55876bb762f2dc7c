// Finds a phrase's words in a request: all of them, in the order written, within a short span.
import type { Occurrences } from './occurrences.js';
import { SCORING } from './options.js';
import { crossesPart } from './parts.js';
import type { Token } from './text.js';

const SPAN_SLACK = SCORING.phrase.spanSlack;
const NONE = -1;

export interface Location {
  /** The weakest weight of the words found. */
  readonly weight: number;
  /** Whether the words stand together as written, rather than scattered among others. */
  readonly adjacent: boolean;
  readonly positions: readonly number[];
}

/** Where the words are, or null. `tokens` bound the phrase to one part of the request. */
export function locate(
  stems: readonly number[],
  span: number,
  words: Occurrences,
  tokens: readonly Token[] | null = null,
  written: readonly string[] = [],
): Location | null {
  let best = NONE;
  let bestWeight = 0;
  let bestAdjacent = false;
  for (let start = words.first(stems[0]!); start !== NONE; start = words.next(start)) {
    let weight = words.weight(start);
    let end = start;
    let k = 1;
    for (; k < stems.length; k++) {
      const next = after(words, stems[k]!, end);
      if (next === NONE || next - start > span + SPAN_SLACK) break;
      weight = Math.min(weight, words.weight(next));
      end = next;
    }
    if (k < stems.length || (tokens && crossesPart(tokens, start, end, written))) continue;
    const adjacent = stems.length > 1 && end - start <= span - 1;
    // The strongest place; of equally strong ones, the last with its words together.
    if (best === NONE || weight > bestWeight || (weight === bestWeight && adjacent)) {
      best = start;
      bestWeight = weight;
      bestAdjacent = adjacent;
    }
  }
  if (best === NONE) return null;
  // The same words again from the best start: the first of each after the one before.
  const positions = new Array<number>(stems.length);
  positions[0] = best;
  for (let k = 1; k < stems.length; k++) positions[k] = after(words, stems[k]!, positions[k - 1]!);
  return { weight: bestWeight, adjacent: bestAdjacent, positions };
}

/** The first position of `stem` after `position`, or -1. */
function after(words: Occurrences, stem: number, position: number): number {
  let at = words.first(stem);
  while (at !== NONE && at <= position) at = words.next(at);
  return at;
}
