// Reads a stated volume ("~400 product shots a month", "5k tickets a day", "3x a week", "four
// hundred renders a year", "30 images, every monday", "300ish a month", "unos 25 al mes") from
// a request. Only a count tied to a period counts: "a 60-page contract" does not. Counts and
// periods are found separately, then each period takes the nearest count before it in the same
// sentence, or else a count of things right after it ("weekly: 10 social posts").
import type { PeriodT, UnitT } from './schema.js';

export interface StatedVolume {
  readonly count: number;
  readonly period: PeriodT;
  /** The unit the request's own noun names, if it names one. */
  readonly noun: UnitT | null;
}

const SMALL: Readonly<Record<string, number>> = Object.freeze({
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
const SCALE: Readonly<Record<string, number>> = Object.freeze({ hundred: 100, thousand: 1000 });
const FIXED: Readonly<Record<string, number>> = Object.freeze({ once: 1, twice: 2, thrice: 3, dozen: 12, couple: 2 });

const PERIOD_WORDS: Readonly<Record<string, PeriodT>> = Object.freeze({
  day: 'day', daily: 'day', days: 'day', morning: 'day', night: 'day', nightly: 'day', weekday: 'day', workday: 'day',
  week: 'week', weekly: 'week', weeks: 'week', wk: 'week', weekend: 'week',
  monday: 'week', tuesday: 'week', wednesday: 'week', thursday: 'week', friday: 'week', saturday: 'week', sunday: 'week',
  month: 'month', monthly: 'month', months: 'month', mo: 'month',
  year: 'year', yearly: 'year', years: 'year', yr: 'year', annually: 'year', annual: 'year',
  // Spanish, Portuguese, French, Italian and German, as people write to a work chat in them.
  día: 'day', dia: 'day', días: 'day', dias: 'day', jour: 'day', jours: 'day', giorno: 'day', tag: 'day',
  diario: 'day', diaria: 'day', quotidien: 'day', täglich: 'day',
  semana: 'week', semanas: 'week', semaine: 'week', settimana: 'week', woche: 'week',
  semanal: 'week', hebdomadaire: 'week', settimanale: 'week', wöchentlich: 'week',
  mes: 'month', mês: 'month', meses: 'month', mois: 'month', mese: 'month', monat: 'month',
  mensual: 'month', mensal: 'month', mensuel: 'month', mensile: 'month', monatlich: 'month',
  año: 'year', ano: 'year', année: 'year', anno: 'year', jahr: 'year', anual: 'year', jährlich: 'year',
});
// "weekly" stands alone; "week" needs "a", "per", "every", "/", "this" before it.
const STANDALONE = new Set([
  'daily', 'nightly', 'weekly', 'monthly', 'yearly', 'annually',
  'diario', 'diaria', 'quotidien', 'täglich', 'semanal', 'hebdomadaire', 'settimanale', 'wöchentlich',
  'mensual', 'mensal', 'mensuel', 'mensile', 'monatlich', 'anual', 'jährlich',
]);
// "al mes", "por semana", "cada día", "a la semana", "par jour", "pro Woche", "im Monat", "al giorno".
const PERIOD_LEAD = new Set(['a', 'an', 'per', 'each', 'every', '/', 'al', 'por', 'cada', 'la', 'par', 'pro', 'im', 'alla']);

const NOUN_UNITS: readonly [RegExp, UnitT][] = [
  [/^(images?|photos?|pictures?|pics?|shots?|visuals?|illustrations?|graphics?|banners?|thumbnails?|renders?|packshots?|mockups?|icons?|logos?|posters?|statics?|stills?|creatives?|headshots?|portraits?|covers?)$/, 'image'],
  [/^(videos?|clips?|reels?|vids?|shorts|trailers?|animations?|ads?|spots?|tiktoks?|teasers?)$/, 'video'],
  [/^(voiceovers?|vos?|tracks?|songs?|jingles?|podcasts?|episodes?|narrations?|recordings?|sounds?|audio|stingers?)$/, 'audio'],
  [/^(models?|assets?|props?|meshes|mesh|scenes?)$/, 'model'],
  [/^(questions?|queries|tickets?|emails?|messages?|requests?|chats?|conversations?|convos?|answers?|replies|summaries|reports?|documents?|docs|articles?|posts?|calls?|inquiries|enquiries|prompts?|captions?|descriptions?|letters?|contracts?|reviews?)$/, 'query'],
];

// What follows a number that makes it a measure, not a count: "60-page", "2 min", "15s", "3pm".
const MEASURE = /^(?:-|min|mins|minute|minutes|sec|secs|second|seconds|s|h|hr|hrs|hour|hours|page|pages|pager|line|lines|word|words|pm|am|px|%|gb|mb|kb|tb|ms|fps|res|p|w|kw|mm|cm|m|km|kg|g|days?|weeks?|months?|years?|yrs?|wks?|mos)$/;

interface Token {
  readonly text: string;
  /** A sentence break (". ", "; ", "?") before this token: counts never pair across one. */
  readonly sentence: number;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let sentence = 0;
  // Words, numbers with their k/x suffixes, and the "/" of "50/mo"; sentence ends split.
  for (const m of text.toLowerCase().replace(/[~≈]/g, ' ').matchAll(/(\d+(?:st|nd|rd|th|d)\b|\d[\d,.]*\+?[kmx]?(?:ish)?(?![\p{L}\d])|\p{L}[\p{L}\d]*(?:-[\p{L}\d]+)*|\/|%|[.;?!](?=\s|$))/gu)) {
    if (/^[.;?!]$/.test(m[0])) sentence++;
    else out.push({ text: m[0], sentence });
  }
  return out;
}

/** A count starting at token i, and how many tokens it spans; or null. */
function countAt(t: readonly Token[], i: number): { count: number; span: number } | null {
  if (i < 0 || i >= t.length) return null;
  const w = t[i]!.text;
  const next = t[i + 1]?.text ?? '';
  // "1,200", "2.5k", "1,5k" (a decimal comma, as much of Europe writes it), "300ish".
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\d+,\d{1,2}(?=[km]))(\+)?([kmx])?(?:ish)?$/.exec(w);
  if (digits) {
    if (!digits[3] && MEASURE.test(next)) return null;
    const n = Number(/^\d+,\d{1,2}$/.test(digits[1]!) ? digits[1]!.replace(',', '.') : digits[1]!.replace(/,/g, ''));
    // "our 2025 annual report": a year, not a count.
    if (!digits[2] && !digits[3] && /^\d{4}$/.test(digits[1]!) && n >= 1950 && n <= 2100 && !nounOf([t[i + 1] ?? { text: '', sentence: 0 }])) return null;
    const scaled = digits[3] === 'k' ? n * 1000 : digits[3] === 'm' ? n * 1_000_000 : n;
    // "3 times a week", "3 x a week".
    const times = digits[3] === 'x' ? 0 : next === 'times' || next === 'x' ? 1 : 0;
    return scaled > 0 && Number.isFinite(scaled) ? { count: Math.round(scaled), span: 1 + times } : null;
  }
  if (w === 'a' && (next === 'dozen' || next === 'couple')) {
    const of = t[i + 2]?.text === 'of' ? 1 : 0;
    const hundred = SCALE[t[i + 2 + of]?.text ?? ''];
    return { count: FIXED[next]! * (hundred ?? 1), span: 2 + of + (hundred ? 1 : 0) };
  }
  if (w === 'a' && SCALE[next]) return { count: SCALE[next]!, span: 2 };
  if (FIXED[w] !== undefined) return { count: FIXED[w]!, span: 1 };
  // "twenty-five", "four hundred", "two thousand five hundred".
  let total = 0, current = 0, k = i;
  for (; k < t.length; k++) {
    // "four hundred and fifty": "and" joins a number in words.
    if (t[k]!.text === 'and' && k > i && (total || current) && SMALL[t[k + 1]?.text.split('-')[0] ?? ''] !== undefined) continue;
    const parts = t[k]!.text.split('-');
    if (!parts.every((p) => SMALL[p] !== undefined || SCALE[p] !== undefined)) break;
    for (const p of parts) {
      if (SMALL[p] !== undefined) current += SMALL[p]!;
      else if (SCALE[p] === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * SCALE[p]!;
        current = 0;
      }
    }
  }
  if (k === i || MEASURE.test(t[k]?.text ?? '')) return null;
  return { count: total + current, span: k - i };
}

/** A period ending at token i ("a month", "per wk", "weekly", "every monday", "/mo"). */
function periodAt(t: readonly Token[], i: number): PeriodT | null {
  const w = t[i]!.text;
  const period = PERIOD_WORDS[w];
  if (!period) return null;
  if (STANDALONE.has(w)) return period;
  const lead = t[i - 1]?.text ?? '';
  return PERIOD_LEAD.has(lead) ? period : null;
}

function nounOf(words: readonly Token[]): UnitT | null {
  for (const w of [...words].reverse()) {
    const hit = NOUN_UNITS.find(([re]) => re.test(w.text));
    if (hit) return hit[1];
  }
  return null;
}

// Most requests state no volume: two cheap scans decide whether the token walk is needed.
const ANY_PERIOD = /(?:day|week|month|year|wk|mo|yr|daily|weekly|monthly|yearly|annually|morning|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday|d[ií]a|jour|giorno|tag|diari|quotidien|täglich|seman|semaine|settimana|woche|hebdo|mes|mês|mois|monat|mensu|mensal|mensile|año|ano|année|anno|jahr|anual|jährlich)/i;
const ANY_COUNT = /\d|once|twice|thrice|dozen|couple|hundred|thousand|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety/i;

/** The nearest count before the period at i, within ten words of the same sentence. */
function countBefore(t: readonly Token[], i: number): { count: number; at: number; span: number } | null {
  for (let j = i - 1; j >= 0 && j >= i - 11 && t[j]!.sentence === t[i]!.sentence; j--) {
    let c = countAt(t, j);
    // A bare "one" far from its period is rarely a count ("one tool that drafts the weekly …").
    if (!c || j + c.span > i || (t[j]!.text === 'one' && i - j > 4)) continue;
    // "two thousand", "four hundred and fifty": read a number in words from its first word.
    for (let moved = true; moved; ) {
      moved = false;
      for (let back = j - 1; back >= j - 2 && !moved; back--) {
        const longer = countAt(t, back);
        if (longer && back + longer.span > j) {
          j = back;
          c = longer;
          moved = true;
        }
      }
    }
    return { count: c.count, at: j, span: c.span };
  }
  return null;
}

/**
 * A count of things soon after the period at i ("weekly: 10 social posts", "every friday 3
 * reels"), only when a noun of a medium follows the count: "every monday for our 12 customers"
 * is not one.
 */
function countAfter(t: readonly Token[], i: number): { count: number; noun: UnitT } | null {
  for (let j = i + 1; j < t.length && j <= i + 8 && t[j]!.sentence === t[i]!.sentence; j++) {
    if (PERIOD_WORDS[t[j]!.text]) return null;
    const c = countAt(t, j);
    if (!c || t[j]!.text === 'one' || t[j]!.text === 'a') continue;
    const noun = nounOf(t.slice(j + c.span, j + c.span + 3).filter((w) => w.sentence === t[i]!.sentence));
    return noun ? { count: c.count, noun } : null;
  }
  return null;
}

/** Every count tied to a period, in the order the periods appear. */
export function readVolumes(text: string): StatedVolume[] {
  if (!ANY_PERIOD.test(text) || !ANY_COUNT.test(text)) return [];
  const t = tokens(text);
  const found: StatedVolume[] = [];
  for (let i = 0; i < t.length; i++) {
    const period = periodAt(t, i);
    if (!period) continue;
    const before = countBefore(t, i);
    if (before) {
      found.push({ count: before.count, period, noun: nounOf(t.slice(before.at + before.span, i)) });
      continue;
    }
    const after = countAfter(t, i);
    if (after) found.push({ count: after.count, period, noun: after.noun });
  }
  return found;
}

/** The stated volume, if the request states one: the first count tied to a period. */
export function readVolume(text: string): StatedVolume | null {
  return readVolumes(text)[0] ?? null;
}
