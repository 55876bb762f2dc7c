// Policy on cards: golden Block Kit and Adaptive Card renderings of a fixed card with every
// element the policy adds, and every dev-set answer under two policies within each platform's
// limits (Block Kit's, and Microsoft's own Adaptive Cards library with no events).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnswerT } from '../../src/core/answer.js';
import { applyPolicy } from '../../src/core/policy/apply.js';
import { loadPolicy, parsePolicy } from '../../src/core/policy/load.js';
import { buildPolicyReport } from '../../src/core/policy/report.js';
import { summarizePolicy } from '../../src/core/policy/summary.js';
import { adaptiveCardBytes, cardToAdaptiveCard, MAX_CARD_BYTES, type ExecuteAction } from '../../src/render/adaptive-card.js';
import { alternativesCard, answerCard } from '../../src/render/answer-card.js';
import { cardToBlockKit, type ButtonElement } from '../../src/render/block-kit.js';
import type { Card } from '../../src/render/card.js';
import { accessCard, policyReportCard, policySummaryCard } from '../../src/render/policy-card.js';
import { cardToText } from '../../src/render/text.js';
import { RAW_CONTROL, blockKitProblems, shownText } from '../slack/helpers/block-kit-limits.js';
import { adaptiveCardProblems } from '../teams/support.js';
import { recommender, shippedCatalog } from '../helpers/catalog.js';
import { ACME, toolsOf } from '../helpers/policy.js';
import { ownRequests } from '../helpers/own-sets.js';

const r = recommender();
const acme = loadPolicy(ACME, shippedCatalog());

const fixed: Card = {
  summary: 'Use an image generator: Adobe Firefly, DALL-E 3 (under review)',
  elements: [
    { type: 'notice', title: 'Health data', text: 'patient data only in tools under our BAA & <!here>' },
    { type: 'header', text: 'Use an image generator' },
    { type: 'tools', title: 'The tool you named', tools: [{ name: 'Midjourney v6 (image generator)', badge: 'prohibited', note: 'no enterprise agreement. Allowed instead: Adobe Firefly' }] },
    {
      type: 'tools',
      title: 'Tools',
      tools: [
        { name: 'Adobe Firefly', badge: 'approved' },
        { name: 'GPT-4o', badge: 'restricted', note: 'enterprise workspace only, no customer data' },
        { name: 'DALL-E 3', badge: 'review' },
      ],
    },
    { type: 'tools', title: 'Tools', tools: [], empty: 'Your AI policy allows no video generator. Ask for one at https://acme.example/ai-request.' },
    { type: 'link', label: 'Open the access request', url: 'https://acme.example/ai-request?a=1&b=2' },
    {
      type: 'actions',
      actions: [
        { id: 'compare', label: 'Compare', payload: { q: 'is Midjourney ok for the ad?', v: 'test' } },
        { id: 'request_access', label: 'Request access: DALL-E 3', payload: { q: 'is Midjourney ok for the ad?', v: 'test', access: 'DALL-E 3' }, url: 'https://acme.example/ai-request' },
      ],
    },
  ],
};

const golden = (name: string, rendered: unknown): void => {
  const file = resolve(process.cwd(), 'test/fixtures', name);
  // Regenerate deliberately, after reviewing the change: UPDATE_GOLDEN=1 npx vitest run test/render
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, `${JSON.stringify(rendered, null, 2)}\n`);
  expect(rendered).toEqual(JSON.parse(readFileSync(file, 'utf8')));
};

describe('policy elements on each platform', () => {
  it('Block Kit: golden rendering; badges and notes in one section, Request access a url button', () => {
    const message = cardToBlockKit(fixed);
    golden('block-kit-policy.json', message);
    expect(blockKitProblems(message)).toEqual([]);
    expect(shownText(message)).not.toMatch(RAW_CONTROL);
    const elements: readonly { type: string; action_id: string }[] = message.blocks.flatMap((b) => (b.type === 'actions' ? [...b.elements] : []));
    const button = elements.find((b) => b.action_id === 'request_access') as ButtonElement | undefined;
    expect(button?.url).toBe('https://acme.example/ai-request');
    expect(JSON.parse(button!.value)).toMatchObject({ access: 'DALL-E 3' });
  });

  it('Adaptive Card: golden rendering, valid; Request access is an action the bot hears', () => {
    const card = cardToAdaptiveCard(fixed);
    golden('adaptive-card-policy.json', card);
    expect(adaptiveCardProblems(card)).toEqual([]);
    const access = card.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : [])).find((a) => a.type === 'Action.Execute' && a.verb === 'request_access') as ExecuteAction;
    expect(access.data).toEqual({ verb: 'request_access', q: 'is Midjourney ok for the ad?', v: 'test', access: 'DALL-E 3' });
    expect(adaptiveCardProblems(cardToAdaptiveCard(fixed, { actions: 'submit' }))).toEqual([]);
  });

  it('text: notice first, badges, notes under tools, and the pages actions open', () => {
    expect(cardToText(fixed).split('\n')).toEqual([
      '! Health data: patient data only in tools under our BAA & <!here>',
      'USE AN IMAGE GENERATOR',
      'The tool you named:',
      '  • Midjourney v6 (image generator) [prohibited]',
      '      no enterprise agreement. Allowed instead: Adobe Firefly',
      'Tools:',
      '  • Adobe Firefly [approved]',
      '  • GPT-4o [restricted]',
      '      enterprise workspace only, no customer data',
      '  • DALL-E 3 [under review]',
      'Tools:',
      '  Your AI policy allows no video generator. Ask for one at https://acme.example/ai-request.',
      'Open the access request: https://acme.example/ai-request?a=1&b=2',
      'Request access: DALL-E 3: https://acme.example/ai-request',
    ]);
  });
});

const devSet = (): string[] =>
  ownRequests();

function checkAll(answer: AnswerT): void {
  for (const card of [answerCard(answer, { share: true }), alternativesCard(answer)]) {
    const label = `${answer.query} (${card.summary})`;
    const slack = cardToBlockKit(card);
    expect(blockKitProblems(slack), label).toEqual([]);
    expect(shownText(slack), label).not.toMatch(RAW_CONTROL);
    const teams = cardToAdaptiveCard(card);
    expect(adaptiveCardProblems(teams), label).toEqual([]);
    expect(adaptiveCardBytes(teams), label).toBeLessThan(MAX_CARD_BYTES);
  }
}

describe('answer cards under a policy', () => {
  it('every dev-set answer, under the documented policy and under one that prohibits every image tool, stays within both platforms’ limits', () => {
    const noImages = parsePolicy('no-images.json', JSON.stringify({
      unlisted: 'approved', tools: toolsOf('image').map((name) => ({ name, status: 'prohibited' })), data: [{ class: 'personal', allow: [] }],
    }), shippedCatalog());
    const queries = devSet();
    expect(queries.length).toBeGreaterThan(50);
    for (const q of queries) for (const policy of [acme, noImages]) checkAll(applyPolicy(r.ask(q), policy));
  });

  it('shows the data rule first, the tools with badges, and a Request access button', () => {
    const card = answerCard(applyPolicy(r.ask("make a poster from the patient's chart"), acme));
    expect(card.elements[0]).toEqual({ type: 'notice', title: 'Health data', text: 'patient data only in tools under our BAA' });
    expect(card.elements.find((e) => e.type === 'tools')).toMatchObject({ tools: [], empty: expect.stringContaining('allows no image generator with health data') });
    expect(card.summary).toBe('Use an image generator: none your AI policy allows');
    const actions = card.elements.flatMap((e) => (e.type === 'actions' ? e.actions : []));
    expect(actions.find((a) => a.id === 'request_access')).toMatchObject({ url: 'https://acme.example/ai-request', payload: { access: 'image' }, style: 'primary' });
    // The other cards made from the answer start with the rule as well.
    const answer = applyPolicy(r.ask("make a poster from the patient's chart"), acme);
    expect(alternativesCard(answer).elements[0]).toMatchObject({ type: 'notice', title: 'Health data' });
    expect(answerCard({ ...answer, clarify: [{ category: 'image', label: 'Use an image generator', query: answer.query }] }).elements[0]).toMatchObject({ type: 'notice' });
  });

  it('without a policy: named tools say their kind, a data mention gets a neutral reminder, the Tools field stays', () => {
    const text = cardToText(answerCard(r.ask("copilot or cursor to clean up the patient's chart export script?")));
    // Two named tools: the side-by-side says the kind and best use of each (one tool: the list does).
    expect(text).toContain('Kind: GitHub Copilot: Coding assistant | Cursor: Coding assistant');
    expect(text).toMatch(/Best for: GitHub Copilot: .+ \| Cursor: /);
    expect(cardToText(answerCard(r.ask('is copilot any good for unit tests?')))).toMatch(/The tool you named:\n {2}• GitHub Copilot\n {6}Coding assistant, best for /);
    expect(text).toContain('Tools: ');
    expect(text).not.toMatch(/\[approved\]|Request access/);
    const plain = r.ask("summarize the patient's chart");
    expect(plain.data).toContain('health');
    expect(cardToText(answerCard(plain))).toContain('This mentions health data: check what your company allows you to share with an AI tool before you paste any in.');
  });

  it('the summary, report and access cards are valid on both platforms', () => {
    const report = buildPolicyReport([{ kind: 'named', subject: 'Cursor', status: 'review', count: 3 }, { kind: 'data', subject: 'health', status: null, count: 2 }], 10, new Date(0), new Date());
    for (const card of [policySummaryCard(summarizePolicy(acme)), policyReportCard(report), accessCard('DALL-E 3', acme.access), accessCard('image', null)]) {
      expect(blockKitProblems(cardToBlockKit(card))).toEqual([]);
      expect(adaptiveCardProblems(cardToAdaptiveCard(card))).toEqual([]);
    }
    expect(cardToAdaptiveCard(accessCard('DALL-E 3', acme.access)).body.at(-1)).toEqual({
      type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Open the access request', url: 'https://acme.example/ai-request' }],
    });
  });
});
