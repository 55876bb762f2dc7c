import { describe, expect, it } from 'vitest';
import { answerCard, sharedCard } from '../../src/render/answer-card.js';
import { cardToAdaptiveCard } from '../../src/render/adaptive-card.js';
import { cardToBlockKit } from '../../src/render/block-kit.js';
import { cardToText } from '../../src/render/text.js';
import { recommender } from '../helpers/catalog.js';

const card = answerCard(recommender().ask('a jingle for the bakery'));

describe('a shared card says who shared it', () => {
  it('first, on every surface: a mention in Slack, the name elsewhere', () => {
    const shared = sharedCard(card, { name: 'Alice Ng', slackUser: 'U0ALICE' });
    expect(cardToBlockKit(shared).blocks[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Shared by <@U0ALICE>' }] });
    expect(JSON.stringify(cardToAdaptiveCard(shared).body[0])).toContain('Shared by Alice Ng');
    expect(cardToText(shared).split('\n')[0]).toBe('Shared by Alice Ng');
    expect(sharedCard(card, { name: 'x' }).elements.slice(1)).toEqual(card.elements);
  });

  it('never turns a name or a malformed id into markup or a broadcast', () => {
    const hostile = sharedCard(card, { name: '<!channel> *boss*', slackUser: 'U1>|<!here' });
    const shown = JSON.stringify(cardToBlockKit(hostile).blocks[0]);
    expect(shown).not.toMatch(/<!channel>|<!here>|<@/);
    expect(shown).toContain('&lt;!channel&gt;');
  });
});
