// Reads a stated volume ("~400 product shots a month", "5k tickets a day", "a dozen clips
// weekly") from a request. Only a count tied to a period counts: "a 60-page contract" does not.
import type { PeriodT, UnitT } from './schema.js';

export interface StatedVolume {
  readonly count: number;
  readonly period: PeriodT;
  /** The unit the request's own noun names, if it names one. */
  readonly noun: UnitT | null;
}

const WORD_NUMBERS: Readonly<Record<string, number>> = Object.freeze({
  a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
  dozen: 12, couple: 2, 'a dozen': 12, 'a couple of': 2, 'a couple': 2, 'a hundred': 100, 'a thousand': 1000,
});

const PERIOD_WORDS: Readonly<Record<string, PeriodT>> = Object.freeze({
  day: 'day', daily: 'day', days: 'day', week: 'week', weekly: 'week', weeks: 'week', wk: 'week',
  month: 'month', monthly: 'month', months: 'month', mo: 'month',
});

const NOUN_UNITS: readonly [RegExp, UnitT][] = [
  [/^(images?|photos?|pictures?|pics?|shots?|visuals?|illustrations?|graphics?|banners?|thumbnails?|renders?|packshots?|mockups?|icons?|logos?|posters?)$/, 'image'],
  [/^(videos?|clips?|reels?|vids?|shorts|trailers?|animations?|ads?)$/, 'video'],
  [/^(voiceovers?|tracks?|songs?|jingles?|podcasts?|episodes?|narrations?|recordings?|sounds?|audio)$/, 'audio'],
  [/^(models?|assets?|props?|meshes|mesh|scenes?)$/, 'model'],
  [/^(questions?|queries|tickets?|emails?|messages?|requests?|chats?|conversations?|answers?|replies|summaries|reports?|documents?|docs|articles?|posts?|calls?|inquiries|prompts?)$/, 'query'],
];

const COUNT_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty';

// A count, then up to five words (the noun), then "a/per/each/every/ /" and a period;
// or a count and "daily/weekly/monthly".
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s?[km]?|a dozen|a couple(?: of)?|a hundred|a thousand|dozen|couple|${COUNT_WORDS})`;
const STATED = new RegExp(
  String.raw`(?<![\w.,-])${NUMBER}(?![\w-]*(?:-|\s?(?:min|mins|minute|minutes|sec|secs|second|seconds|s|h|hr|hrs|hour|hours|page|pages|line|lines|word|words|pm|am|k res|px|%)\b))((?:\s+[\w'’&+-]+){0,6}?)\s*(?:(?:a|an|per|each|every|/|a\s+single)\s*(day|week|month|wk|mo)\b|(daily|weekly|monthly)\b)`,
  'i',
);
// STATED needs a period word and a count somewhere in the text. Most requests have neither,
// and two plain scans for them cost far less than trying STATED at every position.
const ANY_PERIOD = /(?:day|week|month|wk|mo|daily|weekly|monthly)\b/i;
const ANY_COUNT = new RegExp(`\\d|dozen|couple|hundred|thousand|${COUNT_WORDS}`, 'i');

function parseCount(raw: string): number | null {
  const s = raw.toLowerCase().trim();
  const named = WORD_NUMBERS[s];
  if (named !== undefined) return named;
  const m = /^([\d,.]+)\s?([km])?$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  const scaled = m[2] === 'k' ? n * 1000 : m[2] === 'm' ? n * 1_000_000 : n;
  return scaled > 0 ? Math.round(scaled) : null;
}

export function readVolume(text: string): StatedVolume | null {
  if (!ANY_PERIOD.test(text) || !ANY_COUNT.test(text)) return null;
  const m = STATED.exec(text.replace(/[~≈]/g, ' '));
  if (!m) return null;
  const count = parseCount(m[1]!);
  const period = PERIOD_WORDS[(m[3] ?? m[4] ?? '').toLowerCase()];
  if (count === null || !period) return null;
  const words = (m[2] ?? '').toLowerCase().split(/[^a-z0-9-]+/).filter(Boolean);
  let noun: UnitT | null = null;
  for (const w of words.reverse()) {
    const hit = NOUN_UNITS.find(([re]) => re.test(w));
    if (hit) {
      noun = hit[1];
      break;
    }
  }
  return { count, period, noun };
}
