// Every request of the project's own labelled sets, rendered as Slack would get it: the answer, the alternatives and
// the comparison, each within Block Kit's limits and with the request escaped.
import { describe, expect, it } from 'vitest';
import { Recommender } from '../../src/core/recommend.js';
import { alternativesCard, answerCard, compareCard, helpCard, nothingFitsCard } from '../../src/render/answer-card.js';
import { cardToBlockKit } from '../../src/render/block-kit.js';
import { comparePair } from '../../src/slack/compare-pair.js';
import { homeView } from '../../src/slack/views.js';
import { RAW_CONTROL, blockKitProblems, shownText } from './helpers/block-kit-limits.js';
import { ownRequests } from '../helpers/own-sets.js';
import { testCatalog } from './helpers/server.js';

const lines = ownRequests();

const recommender = new Recommender(testCatalog());

function check(label: string, message: { text: string; blocks: unknown[] }): void {
  expect(blockKitProblems(message), label).toEqual([]);
  expect(shownText(message), label).not.toMatch(RAW_CONTROL);
}

describe('the labelled requests in Block Kit', () => {
  it('has lines to render', () => {
    expect(lines.length).toBeGreaterThan(50);
  });

  it('renders answer, alternatives and compare for every line within the limits', () => {
    let compared = 0;
    for (const q of lines) {
      const answer = recommender.ask(q);
      check(`answer: ${q}`, cardToBlockKit(answerCard(answer, { share: true })));
      check(`alternatives: ${q}`, cardToBlockKit(alternativesCard(answer)));
      const pair = comparePair(recommender, answer);
      if (answer.recommendations.length) expect(pair, `compare pair for: ${q}`).toBeDefined();
      if (pair) {
        compared += 1;
        check(`compare: ${q}`, cardToBlockKit(compareCard(answer, pair.llm, pair.specialist)));
        expect(pair.llm.category).toBe('llm');
        expect(pair.specialist.category).not.toBe('llm');
      }
    }
    expect(compared).toBeGreaterThan(lines.length / 2);
  });

  it('stays within the limits with injected mentions and at the 2,000-character edge', () => {
    for (const q of lines.slice(0, 30)) {
      const hostile = `<!channel> <!here> <@U0BOSS> <#C0ALL> ${q} & <https://evil.example|click>`;
      const long = `${hostile} ${'and more detail '.repeat(200)}`.slice(0, 2000);
      for (const text of [hostile, long]) {
        const answer = recommender.ask(text);
        check(`hostile answer: ${q}`, cardToBlockKit(answerCard(answer, { share: true })));
        check(`hostile alternatives: ${q}`, cardToBlockKit(alternativesCard(answer)));
        check(`hostile nothing-fits: ${q}`, cardToBlockKit(nothingFitsCard(text)));
        const pair = comparePair(recommender, answer);
        if (pair) check(`hostile compare: ${q}`, cardToBlockKit(compareCard(answer, pair.llm, pair.specialist)));
      }
    }
  });

  it('renders help and App Home (with 20 long recent questions) within the limits', () => {
    check('help', cardToBlockKit(helpCard()));
    const recent = lines.slice(0, 20).map((q) => ({ at: new Date(), text: `<!here> ${q} ${q}` }));
    const home = homeView(recent);
    expect(blockKitProblems(home, 'view')).toEqual([]);
    expect(shownText(home)).not.toMatch(RAW_CONTROL);
  });
});
