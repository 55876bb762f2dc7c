// How much each word of a request says about the output wanted. Words a request rules out
// ("no voiceover"), already has ("the script is ready"), or names only as purpose or input
// ("a voiceover for our onboarding video", "turn these articles into audio") count less or not at all.
import { SCORING } from './options.js';
import type { Token } from './text.js';

const WEIGHT = SCORING.scope;
const SCOPE_WORDS = SCORING.scope.scopeWords;
const CONTEXT_WORDS = SCORING.scope.contextWords;
// Words that start a new part of a request and so end a context scope.
const SCOPE_END = new Set(['and', 'then', 'so', 'that', 'which', 'who', 'with', 'plus', 'but', 'while', 'to', 'where', 'because', 'i', 'we', 'also', 'just', 'can']);
const INPUT_START = new Set(['turn', 'convert', 'transform', 'from']);
const INPUT_END = new Set(['into', 'to', 'as']);
/** Words before an in-hand word that make it one: "is ready", "already done". */
export const IN_HAND_AFTER: ReadonlySet<string> = new Set(['is', 'are', 's', 'was', 'were', 'already', 'all']);
const BE = IN_HAND_AFTER;

export interface ScopeWords {
  negations: ReadonlySet<string>;
  inHand: ReadonlySet<string>;
  /** Words that say nothing about the output, e.g. "what", "should", "use". */
  common: ReadonlySet<string>;
}

const sameClause = (tokens: readonly Token[], i: number, j: number): boolean => tokens[j]?.clause === tokens[i]?.clause;

export function weighTokens(tokens: readonly Token[], words: ScopeWords): number[] {
  const weights: number[] = tokens.map(() => WEIGHT.output);
  const lower = (i: number, w: number): void => {
    if (weights[i]! > w) weights[i] = w;
  };

  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.word;
    // "music-free", "text-free": the word before "free" is ruled out.
    if (word === 'free' && i > 0 && sameClause(tokens, i, i - 1)) lower(i - 1, WEIGHT.excluded);
    if (words.negations.has(word)) {
      for (let j = i + 1; j <= i + SCOPE_WORDS && sameClause(tokens, i, j); j++) lower(j, WEIGHT.excluded);
    }
    if (words.inHand.has(word) && i > 0 && BE.has(tokens[i - 1]!.word)) {
      for (let j = i - 2; j >= i - 1 - SCOPE_WORDS && j >= 0 && sameClause(tokens, i, j); j--) lower(j, WEIGHT.excluded);
    }
    if (word === 'for') {
      // "X for Y": Y is the purpose only when an output was already named before "for".
      let named = false;
      for (let j = i - 1; j >= 0 && sameClause(tokens, i, j) && !named; j--) named = !words.common.has(tokens[j]!.word);
      if (named) {
        for (let j = i + 1; j <= i + CONTEXT_WORDS && sameClause(tokens, i, j) && !SCOPE_END.has(tokens[j]!.word); j++) lower(j, WEIGHT.context);
      }
    }
    if (INPUT_START.has(word)) {
      // The input runs to the first "into", "to" or "as" within reach, clause or not.
      let end = i + 1;
      while (end <= i + CONTEXT_WORDS + 2 && end < tokens.length && !INPUT_END.has(tokens[end]!.word)) end++;
      if (end <= i + CONTEXT_WORDS + 2 && end < tokens.length) for (let j = i + 1; j < end; j++) lower(j, WEIGHT.context);
      else if (word === 'from') {
        for (let j = i + 1; j <= i + CONTEXT_WORDS && sameClause(tokens, i, j) && !SCOPE_END.has(tokens[j]!.word); j++) lower(j, WEIGHT.context);
      }
    }
  }
  return weights;
}
