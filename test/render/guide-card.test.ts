import { describe, expect, it } from 'vitest';
import { cardToAdaptiveCard } from '../../src/render/adaptive-card.js';
import { cardToBlockKit } from '../../src/render/block-kit.js';
import { guideCard, type GuideFacts } from '../../src/render/guide-card.js';
import { cardToText } from '../../src/render/text.js';
import { guideFactsOf } from '../../src/server/guide-facts.js';
import { loadConfig } from '../../src/config/config.js';

const facts: GuideFacts = { platform: 'slack', retentionDays: 30, logsRequestText: false, policy: false };

describe('the guide says what this deployment does', () => {
  it('its retention, whether text is kept, whether a policy is in force, and who owns the catalog', () => {
    const plain = cardToText(guideCard(facts));
    expect(plain).toContain('for 30 days');
    expect(plain).toContain('without the text you typed');
    expect(plain).toContain('none is configured here');
    expect(plain).not.toContain('looked after by');
    const full = cardToText(guideCard({ ...facts, retentionDays: 1, logsRequestText: true, policy: true, ownersContact: '#ai-catalog' }));
    expect(full).toContain('for 1 day;');
    expect(full).toContain('with the text you typed (your admin turned that on)');
    expect(full).toContain('as this bot applies it');
    expect(full).toContain('looked after by #ai-catalog.');
  });

  it('reads WHICH_TOOL_OWNERS_CONTACT and refuses a multi-line one at start-up', () => {
    const config = loadConfig({ WHICH_TOOL_OWNERS_CONTACT: ' ai-team@acme.example ', WHICH_TOOL_RETENTION_DAYS: '14', WHICH_TOOL_POLICY: 'p.json' });
    expect(guideFactsOf(config)).toEqual({ retentionDays: 14, logsRequestText: false, policy: true, ownersContact: 'ai-team@acme.example' });
    expect(() => loadConfig({ WHICH_TOOL_OWNERS_CONTACT: 'a\nb' })).toThrow(/WHICH_TOOL_OWNERS_CONTACT/);
  });

  it('shows a hostile owners line as text on both platforms', () => {
    const card = guideCard({ ...facts, ownersContact: '<!channel> <https://evil.example|click> *bold*' });
    const slack = JSON.stringify(cardToBlockKit(card).blocks);
    expect(slack).not.toMatch(/<!channel>|<https:/);
    expect(JSON.stringify(cardToAdaptiveCard(card))).not.toContain('[click](');
  });
});
