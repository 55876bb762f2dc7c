import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cardToAdaptiveCard, plainText, type AdaptiveElement, type ExecuteAction, type SubmitAction } from '../../src/render/adaptive-card.js';
import type { Card } from '../../src/render/card.js';
import { payloadFor } from '../../src/render/card.js';

const texts = (els: readonly AdaptiveElement[]): string[] =>
  els.flatMap((e) => {
    if (e.type === 'RichTextBlock') return e.inlines.map((r) => r.text);
    if (e.type === 'Container') return texts(e.items);
    if (e.type === 'Table') return e.rows.flatMap((r) => r.cells.flatMap((c) => texts(c.items)));
    return [];
  });

const actionsOf = (els: readonly AdaptiveElement[]) => els.flatMap((e) => (e.type === 'ActionSet' ? e.actions : []));

const hostile = 'see [my site](https://evil.example) <at>Everyone</at> <b>bold</b> &amp; <https://x.example>';
const card: Card = {
  summary: hostile,
  elements: [
    { type: 'header', text: 'Title' },
    { type: 'text', text: `“${hostile}”\nsecond line` },
    { type: 'fields', fields: [{ label: 'Cost', value: '$1–$2' }] },
    { type: 'divider' },
    { type: 'table', columns: ['', 'A', 'B'], rows: [['Tools', 'x', 'y']] },
    { type: 'context', text: 'Catalog v1' },
    { type: 'actions', actions: [{ id: 'compare', label: 'Compare', payload: payloadFor(hostile, { v: 'v1' }) }] },
  ],
};

describe('cardToAdaptiveCard', () => {
  it('is schema 1.5 with a text fallback and plain-text runs only', () => {
    const ac = cardToAdaptiveCard(card);
    expect(ac.version).toBe('1.5');
    expect(ac.fallbackText).toContain('second line');
    expect(ac.body.some((e) => e.type === 'Table')).toBe(true);
    // Nothing rendered may be read as markdown (TextBlock / FactSet would be).
    expect(JSON.stringify(ac.body)).not.toMatch(/"TextBlock"|"FactSet"/);
  });

  it('defuses links, mentions, tags and entities from user text', () => {
    const ac = cardToAdaptiveCard(card);
    for (const t of [...texts(ac.body), ac.fallbackText, ac.speak]) {
      expect(t).not.toMatch(/<at>/i);
      expect(t).not.toMatch(/\]\s*\(/);
      expect(t).not.toMatch(/<[a-z/]/i);
      expect(t).not.toMatch(/&amp;/);
    }
    // ...while reading the same once the invisible joiners are removed.
    expect(texts(ac.body).join(' ').replace(/\u2060/g, '')).toContain(hostile);
  });

  it('property: no request text can produce a link, mention or tag', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('[a](http://b)', '<at>x</at>', '<img src=x>', '] (u)'), (s, inj) => {
        const out = plainText(`${s}${inj}${s}`);
        expect(out).not.toMatch(/<at>|\]\s*\(|<[A-Za-z/]/);
        expect(out.replace(/\u2060/g, '')).toBe(`${s}${inj}${s}`);
      }),
    );
  });

  it('uses Action.Execute with verb = action id and data = payload, or Action.Submit on request', () => {
    const exec = actionsOf(cardToAdaptiveCard(card).body)[0] as ExecuteAction;
    expect(exec.type).toBe('Action.Execute');
    expect(exec.verb).toBe('compare');
    expect(exec.data).toEqual({ verb: 'compare', q: hostile, v: 'v1' });
    const submit = actionsOf(cardToAdaptiveCard(card, { actions: 'submit' }).body)[0] as SubmitAction;
    expect(submit.type).toBe('Action.Submit');
    expect(submit.data.verb).toBe('compare');
    expect(actionsOf(cardToAdaptiveCard(card, { actions: 'none' }).body)).toEqual([]);
  });

  it('turns a divider into a separator on the next element', () => {
    const body = cardToAdaptiveCard(card).body;
    const table = body.find((e) => e.type === 'Table') as { separator?: boolean };
    expect(table.separator).toBe(true);
    expect(body.some((e) => e.type === 'Container' && e.items.length === 0)).toBe(false);
  });
});
