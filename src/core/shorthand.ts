// Replaces chat shorthand ("pls", "tl;dr", ":art:", "🎨") by plain words. One regex of every
// key says exactly what matches, but trying it at each position of a request is slow. Plain
// character compares decide every position where the text is ASCII; the regex judges the rest.

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const isAsciiWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const lowerAscii = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

const NO = 0;
const YES = 1;
const MAYBE = 2;

/** Whether `key` matches at `at`: YES or NO when ASCII characters decide it, else MAYBE. */
function matchAt(text: string, at: number, key: string): number {
  if (at + key.length > text.length) return NO;
  for (let j = 0; j < key.length; j++) {
    const k = key.charCodeAt(j);
    const t = text.charCodeAt(at + j);
    // Unicode case folding of anything else is the regex's to judge ("K" is a Kelvin sign too).
    if (k >= 128 || t >= 128) return MAYBE;
    if (lowerAscii(t) !== lowerAscii(k)) return NO;
  }
  if (at + key.length === text.length) return YES;
  const after = text.charCodeAt(at + key.length);
  return after >= 128 ? MAYBE : isAsciiWordChar(after) ? NO : YES;
}

// Keys are filed by the first two characters of the text they can match: an ASCII character
// then an ASCII character or OTHER (anything else, or the end of the text).
const OTHER = 128;
const cell = (first: number, second: number): number => first * (OTHER + 1) + (second < OTHER ? second : OTHER);

/** The ASCII characters the regex matches to `char`, ignoring case. */
function asciiFolds(char: string): number[] {
  const code = char.codePointAt(0)!;
  if (code < 128) {
    const lower = lowerAscii(code);
    return lower >= 97 && lower <= 122 ? [lower, lower - 32] : [code];
  }
  const one = new RegExp(`^${escapeRegExp(String.fromCodePoint(code))}$`, 'iu');
  return Array.from({ length: 128 }, (_, c) => c).filter((c) => one.test(String.fromCharCode(c)));
}

// Shared by every empty cell; not frozen, as frozen arrays would make the lookups polymorphic.
const NO_KEYS: readonly string[] = [];

function filing(keys: readonly string[]): (readonly string[])[] {
  const cells: string[][] = [];
  for (const key of keys) {
    const chars = [...key];
    // After a one-character key comes anything but a letter or digit. A key's ASCII second
    // character may also be met by a non-ASCII one (OTHER); a non-ASCII one, by anything.
    const seconds =
      chars.length === 1
        ? Array.from({ length: OTHER + 1 }, (_, c) => c).filter((c) => !isAsciiWordChar(c))
        : chars[1]!.codePointAt(0)! < 128
          ? [...asciiFolds(chars[1]!), OTHER]
          : Array.from({ length: OTHER + 1 }, (_, c) => c);
    for (const first of asciiFolds(chars[0]!)) for (const second of seconds) (cells[cell(first, second)] ??= []).push(key);
  }
  return Array.from({ length: 128 * (OTHER + 1) }, (_, i) => cells[i] ?? NO_KEYS);
}

/** Builds a function that replaces shorthand ("pls", "tl;dr", ":art:") by plain words. */
export function makeExpander(replacements: Readonly<Record<string, string>>): (text: string) => string {
  const keys = Object.keys(replacements).sort((a, b) => b.length - a.length);
  if (!keys.length) return (t) => t;
  const table = new Map(Object.entries(replacements).map(([k, v]) => [k.toLowerCase(), v]));
  const source = `(?<![\\p{L}\\p{N}])(?:${keys.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`;
  const replace = (m: string): string => ` ${table.get(m.toLowerCase()) ?? m} `;
  const everywhere = new RegExp(source, 'giu');
  if (keys.includes('')) return (text) => text.replace(everywhere, replace);
  const here = new RegExp(source, 'iuy');

  const candidates = filing(keys);
  return (text) => {
    let out = '';
    let done = 0;
    let before = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const previous = before;
      before = c;
      // Nothing starts right after an ASCII letter or digit: the lookbehind rules it out.
      if (isAsciiWordChar(previous)) continue;
      let length = 0;
      if (c < 128) {
        // Keys in the regex's order: the first that matches is the one it would take.
        const keys = candidates[cell(c, i + 1 < text.length ? text.charCodeAt(i + 1) : OTHER)]!;
        let verdict = NO;
        let k = 0;
        for (; k < keys.length && verdict === NO; k++) verdict = matchAt(text, i, keys[k]!);
        if (verdict === NO) continue;
        if (verdict === YES && previous < 128) length = keys[k - 1]!.length;
      } else if (c >= 0xdc00 && c <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff) {
        continue; // The second half of a surrogate pair: the regex never starts inside a character.
      }
      if (!length) {
        here.lastIndex = i;
        length = here.exec(text)?.[0].length ?? 0;
        if (!length) continue;
      }
      out += text.slice(done, i) + replace(text.slice(i, i + length));
      done = i + length;
      i = done - 1;
      before = text.charCodeAt(i);
    }
    return out ? out + text.slice(done) : text;
  };
}
