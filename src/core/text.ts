// Turns chat text into tokens the matcher can compare: markup removed, shorthand expanded,
// words split and stemmed, clause boundaries kept (they bound negation and context scopes).

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
  return text
    .replace(SLACK_LINK, ' $1 ')
    .replace(SLACK_TOKEN, ' ')
    .replace(TEAMS_AT, ' ')
    .replace(HTML_TAG, ' ')
    .replace(URL, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;|&gt;/g, ' ');
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds a function that replaces shorthand ("pls", "tl;dr", ":art:") by plain words. */
export function makeExpander(replacements: Readonly<Record<string, string>>): (text: string) => string {
  const keys = Object.keys(replacements).sort((a, b) => b.length - a.length);
  if (!keys.length) return (t) => t;
  const table = new Map(Object.entries(replacements).map(([k, v]) => [k.toLowerCase(), v]));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.replace(pattern, (m) => ` ${table.get(m.toLowerCase()) ?? m} `);
}

/** A deliberately crude stemmer: consistent beats correct for matching chat words. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 4 && /([b-df-hj-np-tv-z])\1$/.test(w) && !w.endsWith('ll') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w;
}

// Sentence punctuation and spaced dashes end a clause; a hyphen inside a word only joins.
const CLAUSE_BREAK = /[.,;:!?()[\]{}"|]+|\s[-–—]+\s|\s[-–—]+$|^[-–—]+\s/g;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const clauses = text
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/\s[&+]\s/g, ' and ')
    .replace(CLAUSE_BREAK, ' \n ')
    .split('\n');
  let position = 0;
  clauses.forEach((clause, ci) => {
    for (const word of clause.match(/[\p{L}\p{N}]+/gu) ?? []) {
      tokens.push({ word, stem: stem(word), position: position++, clause: ci });
    }
  });
  return tokens;
}

/** Words of a catalog phrase, stemmed: the same treatment a request gets. */
export const phraseStems = (phrase: string): string[] => tokenize(phrase).map((t) => t.stem);
