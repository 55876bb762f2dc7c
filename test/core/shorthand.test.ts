// The shorthand expander decides ASCII positions by plain character compares and leaves the rest
// to its regex. Whatever the text, it must replace exactly what the one regex of every key
// replaces: that regex is the definition, the compares only a faster way to apply it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeExpander } from '../../src/core/shorthand.js';
import { loadCatalog } from '../../src/core/catalog.js';

const replacements = loadCatalog().lexicon.replacements;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function byRegexAlone(table: Readonly<Record<string, string>>): (text: string) => string {
  const keys = Object.keys(table).sort((a, b) => b.length - a.length);
  const lower = new Map(Object.entries(table).map(([k, v]) => [k.toLowerCase(), v]));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.replace(pattern, (m) => ` ${lower.get(m.toLowerCase()) ?? m} `);
}

// Key fragments, their upper-case forms, neighbours that do and do not end a word, and the
// characters ASCII compares cannot judge: accents, the Kelvin sign, emoji and lone surrogates.
const keys = Object.keys(replacements);
const piece = fc.oneof(
  fc.constantFrom(...keys),
  fc.constantFrom(...keys).map((k) => k.toUpperCase()),
  fc.constantFrom(...keys).map((k) => k.slice(0, Math.max(1, k.length - 1))),
  fc.constantFrom(' ', '', 'x', '9', '-', ':', '.', ';', '/', 'é', 'K', 'ſ', '🎨', '\ud83c', '\udfa8', '\u00a0', 'İ'),
  fc.string({ maxLength: 4, unit: 'grapheme' }),
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

describe('shorthand expander', () => {
  it('replaces exactly what the regex of every key replaces, in the shipped lexicon', () => {
    const fast = makeExpander(replacements);
    const reference = byRegexAlone(replacements);
    fc.assert(fc.property(text, (t) => {
      expect(fast(t)).toBe(reference(t));
    }), { numRuns: 3000 });
  });

  it('does the same for a small lexicon with non-ASCII and one-character keys', () => {
    const table = { pls: 'please', 'tl;dr': 'summarize', k: 'thousand', 'é': 'e', '🎨': 'art', 'w/': 'with' };
    const fast = makeExpander(table);
    const reference = byRegexAlone(table);
    const small = fc.array(fc.oneof(fc.constantFrom(...Object.keys(table), 'PLS', 'K', 'É', 'x', ' ', '/', 'é', 'K'), fc.string({ maxLength: 3 })), { maxLength: 20 }).map((p) => p.join(''));
    fc.assert(fc.property(small, (t) => {
      expect(fast(t)).toBe(reference(t));
    }), { numRuns: 3000 });
  });
});
