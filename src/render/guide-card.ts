// The full help: `/whichtool help`, `@Which Tool help` and Slack's App Home. A person deciding
// whether to trust a bot with their questions wants, in one place, every way to ask, what each
// button does, what is kept about them and for how long, and whom to ask about the catalog.
import { helpCard } from './answer-card.js';
import type { Card, CardElement } from './card.js';

export interface GuideFacts {
  readonly platform: 'slack' | 'teams';
  /** WHICH_TOOL_RETENTION_DAYS. */
  readonly retentionDays: number;
  /** WHICH_TOOL_LOG_REQUEST_TEXT: whether request text is kept in the request log. */
  readonly logsRequestText: boolean;
  /** Whether an AI policy is in force (WHICH_TOOL_POLICY). */
  readonly policy: boolean;
  /** WHICH_TOOL_OWNERS_CONTACT: who owns the catalog, as the deployment wants it shown. */
  readonly ownersContact?: string;
}

const INTRO =
  'Tell me what you want to make or do, and I will say which kind of AI tool fits — a language model, an image, video, audio or 3D generator, a coding assistant, or a mix — with the tools, the cost at your volume, the turnaround and the main limitation.';

const WAYS: Readonly<Record<GuideFacts['platform'], readonly string[]>> = {
  slack: [
    '/whichtool <what you want to make or do>: a private answer',
    '@Which Tool <request> in a channel: an answer in the thread',
    'A direct message to me, or this Home tab',
    '“Which tool for this?” in any message’s menu',
  ],
  teams: [
    '@Which Tool <request> in a channel or group chat',
    'A message in our personal chat (no mention needed)',
    '“Find an AI tool” in the message box’s apps: a card to insert',
  ],
};

const COMMAND: Readonly<Record<GuideFacts['platform'], string>> = { slack: '/whichtool', teams: '@Which Tool' };

function commands(f: GuideFacts): string[] {
  const c = COMMAND[f.platform];
  return [
    `${c} help: this guide; ${c} examples: requests I answer well`,
    `${c} digest: this channel’s digest; ${c} digest weekly monday 09:00, ${c} digest daily 17:30, ${c} digest off`,
    `${c} policy: ${f.policy ? 'your company’s AI policy, as this bot applies it' : 'your company’s AI policy (none is configured here)'}`,
  ];
}

const BUTTONS: Readonly<Record<GuideFacts['platform'], readonly string[]>> = {
  slack: [
    'Other options: the other kinds of tool that fit, best first',
    'Compare: a language model beside the specialist tool, on cost, time and limits',
    'Share in channel: posts the answer for everyone, headed with your name',
    '👍 Helpful / 👎 Not helpful: tells the catalog’s owners whether the answer helped (counted, not who pressed)',
    'Request access: when your company’s policy has a page for tools it has not approved',
  ],
  teams: [
    'Other options: the other kinds of tool that fit, best first',
    'Compare: a language model beside the specialist tool, on cost, time and limits',
    '👍 Helpful / 👎 Not helpful: tells the catalog’s owners whether the answer helped (counted, not who pressed)',
    'Request access: when your company’s policy has a page for tools it has not approved',
  ],
};

function stored(f: GuideFacts): string {
  const days = `${f.retentionDays} ${f.retentionDays === 1 ? 'day' : 'days'}`;
  const text = f.logsRequestText ? 'with the text you typed (your admin turned that on)' : 'without the text you typed';
  const home = f.platform === 'slack' ? ' Your own recent questions are kept for your Home tab, under a keyed hash of your id.' : '';
  return `What is kept: each answer’s kind, industry and confidence, without your user id and ${text}, for ${days}; 👍 / 👎 counts for as long.${home} Nothing you type leaves this server.`;
}

export function guideCard(f: GuideFacts): Card {
  const base = helpCard(INTRO);
  const elements: CardElement[] = [
    ...base.elements.slice(0, 2),
    { type: 'list', title: 'Ways to ask', items: WAYS[f.platform] },
    { type: 'list', title: 'Commands', items: commands(f) },
    { type: 'list', title: 'Buttons on an answer', items: BUTTONS[f.platform] },
    { type: 'text', text: stored(f) },
    ...(f.ownersContact ? [{ type: 'text' as const, text: `The catalog and its answers are looked after by ${f.ownersContact}.` }] : []),
    ...base.elements.slice(2),
  ];
  return { summary: base.summary, elements };
}
