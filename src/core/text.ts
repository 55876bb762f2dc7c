// Turns chat text into tokens the matcher can compare: markup removed, shorthand expanded,
// words split and stemmed, clause boundaries kept (they bound negation and context scopes).

export { makeExpander } from './shorthand.js';

export interface Token {
  /** The word as written, lower-cased. */
  readonly word: string;
  /** The word reduced to a crude stem, so "images", "image" and "imaging" meet. */
  stem: string;
  readonly position: number;
  readonly clause: number;
}

// Slack (<@U1>, <!channel>, <#C1|name>, <https://x|label>) and Teams (<at>Name</at>) markup.
const SLACK_LINK = /<(?:https?:\/\/|mailto:)[^|>]*\|([^>]*)>/g;
const SLACK_TOKEN = /<[@#!][^>]*>/g;
const TEAMS_AT = /<at>[^<]*<\/at>/g;
const HTML_TAG = /<\/?[a-z][^>]*>/gi;
const URL = /\b(?:https?:\/\/|www\.)\S+/g;

export function stripMarkup(text: string): string {
  // Most requests have no markup at all: each pass runs only when the text has what it looks for.
  let s = text;
  if (s.includes('<')) s = s.replace(SLACK_LINK, ' $1 ').replace(SLACK_TOKEN, ' ').replace(TEAMS_AT, ' ').replace(HTML_TAG, ' ');
  if (s.includes('http') || s.includes('www.')) s = s.replace(URL, ' ');
  if (s.includes('&')) s = s.replace(/&amp;/g, '&').replace(/&lt;|&gt;/g, ' ');
  return s;
}

/** A lookup by character code for a few ASCII characters: cheaper per character than a Set. */
function asciiTable(chars: string): (code: number) => boolean {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return (code) => code < 128 && table[code] === 1;
}

// Consonants that a doubled ending drops one of ("clipp" from "clipping").
const DOUBLING = asciiTable('bcdfghjkmnpqrtvwxyz');

/** A deliberately crude stemmer: consistent beats correct for matching chat words. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  // Not after s, u or i: "class", "status" and "analysis" keep theirs.
  else if (w.length > 3 && w.endsWith('s') && !'sui'.includes(w[w.length - 2]!)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 4) {
    const last = w.charCodeAt(w.length - 1);
    if (last === w.charCodeAt(w.length - 2) && DOUBLING(last)) w = w.slice(0, -1);
  }
  return w;
}

// Sentence punctuation and spaced dashes end a clause; a hyphen inside a word only joins.
const CLAUSE_BREAK = /[.,;:!?()[\]{}"|]+|\s[-–—]+\s|\s[-–—]+$|^[-–—]+\s/g;
// A dash can only end a clause next to a space or at either end; without one, the breaks are
// just the runs of punctuation, and the scan below counts those itself.
const SPACED_DASH = /\s[-–—]|[-–—]\s|^[-–—]|[-–—]$/;
const PUNCTUATION = asciiTable('.,;:!?()[]{}"|');

// A letter or digit in any script; tried only past ASCII, where the word test is a table.
const WORD_CHAR = /[\p{L}\p{N}]/uy;
const ASCII_WORD = asciiTable('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const NEWLINE = 10;

/** Where the run of letters and digits starting at `start` ends. */
function wordEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (!ASCII_WORD(c)) break;
      i++;
    } else {
      WORD_CHAR.lastIndex = i;
      if (!WORD_CHAR.test(text)) break;
      i = WORD_CHAR.lastIndex;
    }
  }
  return i;
}

export function tokenize(text: string): Token[] {
  let s = text.toLowerCase();
  if (s.includes("'") || s.includes('’') || s.includes('`')) s = s.replace(/['’`]/g, '');
  if (s.includes('&') || s.includes('+')) s = s.replace(/\s[&+]\s/g, ' and ');
  if ((s.includes('-') || s.includes('–') || s.includes('—')) && SPACED_DASH.test(s)) s = s.replace(CLAUSE_BREAK, ' \n ');
  // One pass over the words; a newline or a run of punctuation is where a clause ends.
  const tokens: Token[] = [];
  let clause = 0;
  for (let i = 0; i < s.length; ) {
    const end = wordEnd(s, i);
    if (end === i) {
      const c = s.charCodeAt(i);
      if (c === NEWLINE || (PUNCTUATION(c) && (i === 0 || !PUNCTUATION(s.charCodeAt(i - 1))))) clause++;
      i++;
      continue;
    }
    const word = s.slice(i, end);
    tokens.push({ word, stem: stem(word), position: tokens.length, clause });
    i = end;
  }
  return tokens;
}

/** Words of a catalog phrase, stemmed: the same treatment a request gets. */
export const phraseStems = (phrase: string): string[] => tokenize(phrase).map((t) => t.stem);
