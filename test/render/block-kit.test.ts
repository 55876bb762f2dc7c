// cardToBlockKit on its own: escaping, every limit under hostile and random cards, and a
// golden rendering of a fixed card.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, type Card, type CardAction, type CardElement } from '../../src/render/card.js';
import { BLOCK_KIT_LIMITS, actionIdFor, buttonValue, cardToBlockKit, escapeSlack, fitEscaped, neutralActionId } from '../../src/render/block-kit.js';
import { RAW_CONTROL, blockKitProblems, shownText } from '../slack/helpers/block-kit-limits.js';

describe('escaping', () => {
  it('escapes exactly & < > so mentions and specials never ping', () => {
    expect(escapeSlack('<!channel> & <@U123|bob> > <!here>')).toBe('&lt;!channel&gt; &amp; &lt;@U123|bob&gt; &gt; &lt;!here&gt;');
    expect(escapeSlack('“quotes” and *stars*')).toBe('“quotes” and *stars*');
  });

  it('escapes user text in every kind of element, including headers, labels and fields', () => {
    const evil = '<!channel> <!here> <@U0BOSS> <!subteam^S1|@team> & co';
    const action: CardAction = { id: 'example', label: evil, payload: { q: evil } };
    const card: Card = {
      summary: evil,
      elements: [
        { type: 'header', text: evil },
        { type: 'text', text: evil, emphasis: true },
        { type: 'fields', fields: [{ label: evil, value: evil }] },
        { type: 'list', title: evil, items: [evil] },
        { type: 'table', columns: ['', evil, evil], rows: [[evil, evil, evil]] },
        { type: 'context', text: evil },
        { type: 'actions', actions: [action] },
      ],
    };
    const message = cardToBlockKit(card);
    expect(shownText(message)).not.toMatch(RAW_CONTROL);
    expect(message.text).toBe('&lt;!channel&gt; &lt;!here&gt; &lt;@U0BOSS&gt; &lt;!subteam^S1|@team&gt; &amp; co');
    // The value is data for our server, never shown: it keeps the request exactly.
    const button = message.blocks.find((b) => b.type === 'actions')!;
    expect(JSON.parse((button as unknown as { elements: readonly { value: string }[] }).elements[0]!.value).q).toBe(evil);
  });

  it('never cuts an escaped entity in half when shortening', () => {
    for (let max = 2; max < 30; max++) {
      const cut = fitEscaped('a&b<c>d&&&&<<<<>>>> end of the line', max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
    }
  });
});

describe('buttons', () => {
  it('keeps the value within 2,000 characters even when JSON escaping inflates the request', () => {
    const q = '"\\\u0001'.repeat(700);
    const value = buttonValue({ q, v: 'abc' });
    expect(value.length).toBeLessThanOrEqual(2000);
    const back = JSON.parse(value) as { q: string; v: string };
    expect(q.startsWith(back.q)).toBe(true);
    expect(back.v).toBe('abc');
  });

  it('gives repeated actions unique action_ids that map back to the neutral id', () => {
    expect(actionIdFor('example', 0)).toBe('example');
    expect(actionIdFor('example', 3)).toBe('example.3');
    for (const id of ACTION_IDS) expect(neutralActionId(actionIdFor(id, 7))).toBe(id);
  });
});

// Random cards, much larger than real ones: the rendering must still be valid Block Kit.
const text = fc.oneof(fc.string({ maxLength: 50 }), fc.string({ maxLength: 5000 }), fc.constantFrom('<!channel>', '&&&&', '<@U1>'.repeat(900)));
const action = fc.record({ id: fc.constantFrom(...ACTION_IDS), label: text, payload: fc.record({ q: fc.string({ maxLength: 1600 }) }) });
const element: fc.Arbitrary<CardElement> = fc.oneof(
  fc.record({ type: fc.constant('header' as const), text }),
  fc.record({ type: fc.constant('text' as const), text, emphasis: fc.boolean() }),
  fc.record({ type: fc.constant('fields' as const), fields: fc.array(fc.record({ label: text, value: text }), { maxLength: 25 }) }),
  fc.record({ type: fc.constant('list' as const), title: text, items: fc.array(text, { maxLength: 10 }) }),
  fc.record({ type: fc.constant('table' as const), columns: fc.array(text, { minLength: 3, maxLength: 3 }), rows: fc.array(fc.array(text, { minLength: 3, maxLength: 3 }), { maxLength: 8 }) }),
  fc.record({ type: fc.constant('divider' as const) }),
  fc.record({ type: fc.constant('context' as const), text }),
  fc.record({ type: fc.constant('actions' as const), actions: fc.array(action, { maxLength: 40 }) }),
);

describe('limits on random cards', () => {
  it('always renders within every Block Kit limit, with nothing that could ping', () => {
    fc.assert(
      fc.property(fc.record({ summary: text, elements: fc.array(element, { minLength: 1, maxLength: 70 }) }), (card) => {
        const message = cardToBlockKit(card);
        expect(blockKitProblems(message)).toEqual([]);
        expect(message.text.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.fallbackText);
        expect(shownText(message)).not.toMatch(RAW_CONTROL);
      }),
      { numRuns: 150 },
    );
  });

  it('the limit checker itself catches a broken message', () => {
    const broken = {
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } },
        { type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) },
        { type: 'actions', elements: [1, 2].map(() => ({ type: 'button', text: { type: 'plain_text', text: 'b'.repeat(76) }, action_id: 'same', value: 'v'.repeat(2001) })) },
        ...Array.from({ length: 50 }, () => ({ type: 'divider' })),
      ],
    };
    const problems = blockKitProblems(broken).join('\n');
    for (const p of ['blocks > 50', 'chars > 150', 'fields > 10', 'chars > 75', 'value 2001', 'duplicate action_id']) expect(problems).toContain(p);
  });
});

describe('golden rendering', () => {
  it('renders a fixed card exactly as recorded in test/fixtures/block-kit-answer.json', () => {
    const card: Card = {
      summary: 'Use an image generator: Midjourney v6, DALL-E 3',
      elements: [
        { type: 'header', text: 'Use an image generator' },
        { type: 'text', text: '“300 product shots a month for the shop & <!here>”' },
        { type: 'fields', fields: [{ label: 'Tools', value: 'Midjourney v6, DALL-E 3' }, { label: 'Cost', value: '$3–$150 a month for 300 images a month' }] },
        { type: 'list', title: 'How to split the work', items: ['Script: a language model', 'Voice: a speech generator'] },
        { type: 'table', columns: ['', 'Language model', 'Image generator'], rows: [['Cost', '$0.001–$0.05 per query', '$0.01–$0.50 per image']] },
        { type: 'divider' },
        { type: 'context', text: 'Catalog test · confidence 90%' },
        { type: 'actions', actions: [
          { id: 'compare', label: 'Compare', payload: { q: '300 product shots', v: 'test' } },
          { id: 'share', label: 'Share in channel', payload: { q: '300 product shots' }, style: 'primary' },
          { id: 'example', label: 'a jingle', payload: { q: 'a jingle' } },
          { id: 'example', label: 'a 3D model', payload: { q: 'a 3D model' } },
        ] },
      ],
    };
    const file = resolve(process.cwd(), 'test/fixtures/block-kit-answer.json');
    const rendered = cardToBlockKit(card);
    // Regenerate deliberately, after reviewing the change: UPDATE_GOLDEN=1 npx vitest run test/render
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, `${JSON.stringify(rendered, null, 2)}\n`);
    expect(rendered).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});

describe('notification text', () => {
  it('is one line that neither formats nor quotes, whatever was typed', async () => {
    const { neutralLine } = await import('../../src/render/block-kit.js');
    expect(neutralLine('> approved by IT\n*Tools*  _Evil_ ~x~ `y`')).toBe('› approved by IT ∗Tools∗ ˍEvilˍ ∼x∼ ˋyˋ');
    expect(neutralLine('Which Tool digest for 1–7 Dec: 3 requests')).toBe('Which Tool digest for 1–7 Dec: 3 requests');
  });
});
