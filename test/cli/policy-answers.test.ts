// The contract's "A company's AI policy", driven through the built command line and the real
// core: statuses and their order, prohibited tools never shown, the company's own tools,
// `named`, `data` and `notices`, and what a kind with nothing allowed says.
import { describe, expect, it } from 'vitest';
import { Answer, type AnswerT } from '../../src/core/answer.js';
import { runCli } from '../helpers/cli.js';
import { ACME, policyFile, toolsOf } from '../helpers/policy.js';

const ask = (q: string, args: string[] = ['--policy', ACME], env: Record<string, string> = {}): AnswerT => {
  const r = runCli(['ask', '--json', ...args, q], undefined, env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return Answer.parse(JSON.parse(r.stdout));
};
const names = (a: AnswerT, i = 0): string[] => a.recommendations[i]!.tools.map((t) => t.name);
const RANK = { approved: 0, restricted: 1, review: 2 } as const;

describe('answers under a policy (which-tool ask --policy)', () => {
  it('without a policy, answers carry no policy fields and named tools have "policy": null', () => {
    const a = ask('is Midjourney ok for the ad?', []);
    expect(a).not.toHaveProperty('notices');
    expect(a).not.toHaveProperty('appliedPolicy');
    expect(a.recommendations.flatMap((r) => r.tools).every((t) => !('policy' in t))).toBe(true);
    expect(a.named).toEqual([expect.objectContaining({ name: 'Midjourney v6', category: 'image', label: 'Image generator', policy: null })]);
    expect(names(a)).toContain('Midjourney v6');
  });

  it('gives every tool a status, never shows a prohibited one, and orders approved, restricted, review', () => {
    const requests = [
      'I need 300 product shots a month for the shop', 'is Midjourney ok for the ad?', 'summarize our vendor contracts',
      'write the captions and make the images for 5 instagram posts', 'copilot or cursor for the refactor?', 'make a jingle for our bakery',
      'turn this floor plan into a 3D walkthrough video', 'draft a reply to this customer email',
    ];
    const r = runCli(['ask', '--json', '--stdin', '--policy', ACME], requests.join('\n'));
    expect(r.code).toBe(0);
    const answers = r.stdout.trim().split('\n').map((l) => Answer.parse(JSON.parse(l)));
    expect(answers).toHaveLength(requests.length);
    let seen = 0;
    for (const a of answers) {
      expect(a.appliedPolicy).toMatchObject({ name: 'Acme AI acceptable use', access: { url: 'https://acme.example/ai-request' } });
      for (const rec of a.recommendations) {
        const ranks = rec.tools.map((t) => RANK[t.policy!]);
        expect(ranks.every((x) => x !== undefined), JSON.stringify(rec.tools)).toBe(true);
        expect(ranks, `${a.query}: ${rec.category}`).toEqual([...ranks].sort((x, y) => x - y));
        expect(rec.tools.map((t) => t.name)).not.toContain('Midjourney v6');
        for (const step of rec.recipe ?? []) expect(step.tool).not.toBe('Midjourney v6');
        seen += rec.tools.length;
      }
    }
    expect(seen).toBeGreaterThan(20);
    // The restricted tool keeps its note; the company's own tool comes first for its kind.
    const email = answers.at(-1)!;
    expect(email.recommendations[0]!.tools[0]).toEqual({
      name: 'Acme Assistant', bestFor: 'your company’s own language model', policy: 'approved', note: 'internal, single sign-on', url: 'https://assistant.acme.example',
    });
    expect(email.recommendations[0]!.tools).toContainEqual(expect.objectContaining({ name: 'GPT-4o', policy: 'restricted', note: 'enterprise workspace only, no customer data' }));
  });

  it('a prohibited pick gives its place to another allowed tool of the kind', () => {
    const file = policyFile('no-midjourney.json', { unlisted: 'approved', tools: [{ name: 'midjourney', status: 'prohibited' }] });
    const plain = names(ask('I need 300 product shots a month for the shop', []));
    const policed = names(ask('I need 300 product shots a month for the shop', ['--policy', file]));
    expect(plain).toContain('Midjourney v6');
    expect(policed).toHaveLength(plain.length);
    expect(policed).toEqual([...plain.filter((n) => n !== 'Midjourney v6'), expect.any(String)]);
  });

  it('a policy that prohibits every tool of a kind keeps the kind, with no tools, and says where to ask', () => {
    const file = policyFile('no-images.json', {
      name: 'No image generators', unlisted: 'approved', access: { url: 'https://it.example/ask' },
      tools: toolsOf('image').map((name) => ({ name, status: 'prohibited', note: 'under legal review' })),
    });
    const a = ask('I need 300 product shots a month for the shop', ['--policy', file]);
    const top = a.recommendations[0]!;
    expect(top.category).toBe('image');
    expect(top.tools).toEqual([]);
    expect(top.unavailable).toEqual({ reason: 'prohibited', note: 'Your AI policy allows no image generator. Ask for one at https://it.example/ask.' });
    const text = runCli(['ask', '--policy', file, 'I need 300 product shots a month for the shop']).stdout;
    expect(text).toContain('Tools:\n  Your AI policy allows no image generator.');
    expect(text).toContain('Request access: an image generator: https://it.example/ask');
  });

  it('a data rule that leaves no tool: the notice comes first and the kind stays with "tools": []', () => {
    const r = runCli(['ask', '--json', '--policy', ACME, "make a poster from the patient's chart"]);
    expect(Object.keys(JSON.parse(r.stdout))[0]).toBe('notices');
    const a = Answer.parse(JSON.parse(r.stdout));
    expect(a.data).toContain('health');
    expect(a.notices).toEqual([{ class: 'health', note: 'patient data only in tools under our BAA' }]);
    expect(a.recommendations[0]).toMatchObject({ category: 'image', tools: [], unavailable: { reason: 'data' } });
    // Where the rule's tool fits, only it stays.
    expect(names(ask("summarize the patient's chart for the handover"))).toEqual(['Acme Assistant']);
    const text = runCli(['ask', '--policy', ACME, "make a poster from the patient's chart"]).stdout;
    expect(text.split('\n')[0]).toBe('! Health data: patient data only in tools under our BAA');
  });

  it('a request naming two tools says what the policy says of each and offers what is allowed instead', () => {
    const file = policyFile('code.json', {
      unlisted: 'review',
      tools: [
        { name: 'github copilot', status: 'approved' },
        { name: 'Cursor', status: 'prohibited', note: 'sends code to a third party' },
      ],
    });
    const a = ask('copilot or cursor for the refactor?', ['--policy', file]);
    expect(a.named).toEqual([
      expect.objectContaining({ name: 'GitHub Copilot', category: 'code', policy: 'approved' }),
      expect.objectContaining({ name: 'Cursor', category: 'code', policy: 'prohibited', note: 'sends code to a third party', instead: ['GitHub Copilot'] }),
    ]);
    expect(names(a)[0]).toBe('GitHub Copilot');
    expect(names(a)).not.toContain('Cursor');
    // Without a policy the same request still names both, with their kind and what each is best for.
    const plain = ask('copilot or cursor for the refactor?', []);
    expect(plain.named.map((n) => [n.name, n.policy, n.label])).toEqual([['GitHub Copilot', null, 'Coding assistant'], ['Cursor', null, 'Coding assistant']]);
    expect(plain.named.every((n) => n.bestFor.length > 10)).toBe(true);
  });

  it('the company’s own tools are named too, and catalog tools may be given by the names people use', () => {
    const a = ask('can I use Acme Assistant to summarize the board minutes?');
    expect(a.named).toContainEqual(expect.objectContaining({ name: 'Acme Assistant', category: 'llm', policy: 'approved' }));
    const file = policyFile('alias.json', { unlisted: 'prohibited', tools: [{ name: 'ChatGPT', status: 'approved' }] });
    expect(names(ask('summarize our vendor contracts', ['--policy', file]))).toEqual(['GPT-4o']);
  });

  it('reads WHICH_TOOL_POLICY, and --policy wins over it', () => {
    const other = policyFile('all-approved.json', { name: 'Everything goes', unlisted: 'approved' });
    expect(ask('make a jingle', [], { WHICH_TOOL_POLICY: ACME }).appliedPolicy?.name).toBe('Acme AI acceptable use');
    expect(ask('make a jingle', ['--policy', other], { WHICH_TOOL_POLICY: ACME }).appliedPolicy?.name).toBe('Everything goes');
  });

  it('the text answer shows badges, notes under the tools and the access link', () => {
    const r = runCli(['ask', '--policy', ACME, 'is Midjourney ok for the ad?']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The tool you named:\n  • Midjourney v6 (image generator) [prohibited]\n      no enterprise agreement. Allowed instead: Adobe Firefly');
    expect(r.stdout).toMatch(/Tools:\n {2}• Adobe Firefly \[approved\]\n {2}• DALL-E 3 \[under review\]/);
    expect(r.stdout).toContain('Request access: DALL-E 3: https://acme.example/ai-request');
  });
});
