// Policy files as their owners meet them: a bad file stops `ask` with one line naming the file,
// the JSON path and the reason; `which-tool policy check` lists every problem, or summarises
// a good file.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ACME, policyFile } from '../helpers/policy.js';

const BAD: readonly [string, unknown, RegExp][] = [
  ['unknown status', { tools: [{ name: 'GPT-4o', status: 'allowed' }] }, /: tools\[0\]\.status: Invalid option: expected one of "approved"\|"restricted"\|"review"\|"prohibited"$/],
  ['unknown data class', { data: [{ class: 'medical', allow: [] }] }, /: data\[0\]\.class: Invalid option: expected one of "personal"\|"health"/],
  ['allow naming an unknown tool', { data: [{ class: 'health', allow: ['GPT-4o', 'Acme Helper'] }] }, /: data\[0\]\.allow\[1\]: unknown tool "Acme Helper"/],
  ['allow naming a prohibited tool', { tools: [{ name: 'Midjourney v6', status: 'prohibited' }], data: [{ class: 'personal', allow: ['midjourney'] }] }, /: data\[0\]\.allow\[0\]: "Midjourney v6" is prohibited by this policy/],
  ['allow that is not a list', { data: [{ class: 'health', allow: 'GPT-4o' }] }, /: data\[0\]\.allow: Invalid input: expected array/],
  ['a tool the catalog lacks, without a category', { tools: [{ name: 'Acme Assistant', status: 'approved' }] }, /: tools\[0\]\.name: "Acme Assistant" is not a tool in the catalog: give it a "category"/],
  ['a bare "Copilot"', { tools: [{ name: 'Copilot', status: 'approved' }] }, /: tools\[0\]\.name: "Copilot" is not a tool in the catalog: write "GitHub Copilot" or "Microsoft Copilot"/],
  ['a tool listed twice under two names', { tools: [{ name: 'GPT-4o', status: 'approved' }, { name: 'chatgpt', status: 'review' }] }, /: tools\[1\]\.name: "chatgpt" is GPT-4o, which is already listed at tools\[0\]/],
  ['a misspelt key', { tools: [{ name: 'GPT-4o', status: 'approved' }], data: [{ class: 'health', alow: [] }] }, /: data\[0\]\.allow: Invalid input: expected array, received undefined/],
  ['"restricted" as the unlisted status', { unlisted: 'restricted' }, /: unlisted: Invalid option: expected one of "approved"\|"review"\|"prohibited"/],
  ['an access link that is not http', { access: { url: 'javascript:alert(1)' } }, /: access\.url: expected an http or https address/],
  ['broken JSON', '{ "tools": [', /: \(top level\): not valid JSON/],
];

describe('a bad policy file', () => {
  it.each(BAD)('stops ask with one line naming file, path and reason: %s', (name, content, reason) => {
    const file = policyFile(`${name.replace(/\W+/g, '-')}.json`, content);
    const r = runCli(['ask', '--json', '--policy', file, 'make a jingle']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`which-tool: ${file}: `)).toBe(true);
    expect(lines[0]).toMatch(reason);
  });

  it('stops --stdin before answering anything, and WHICH_TOOL_POLICY the same way', () => {
    const file = policyFile('stdin-bad.json', { tools: [{ name: 'GPT-4o', status: 'maybe' }] });
    const r = runCli(['ask', '--json', '--stdin'], 'make a jingle\nmake a logo\n', { WHICH_TOOL_POLICY: file });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^which-tool: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: tools\\[0\\]\\.status: `));
  });

  it('a missing file is refused the same way', () => {
    const r = runCli(['ask', '--policy', '/nonexistent/policy.json', 'make a jingle']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toBe('which-tool: /nonexistent/policy.json: (top level): cannot read the file (ENOENT)');
  });

  it('with several problems, ask names the first and policy check lists them all', () => {
    const file = policyFile('several.json', { tools: [{ name: 'Foo AI', status: 'approved' }], data: [{ class: 'health', allow: ['Bar AI'] }] });
    const ask = runCli(['ask', '--policy', file, 'make a jingle']);
    expect(ask.stderr.trim().split('\n')).toHaveLength(1);
    expect(ask.stderr).toContain('tools[0].name: "Foo AI" is not a tool in the catalog');
    expect(ask.stderr).toContain('(and 1 more: run "which-tool policy check');
    const check = runCli(['policy', 'check', file]);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe('');
    expect(check.stderr.trim().split('\n')).toEqual([
      `which-tool: ${file}: tools[0].name: "Foo AI" is not a tool in the catalog: give it a "category" if it is your company's own tool`,
      `which-tool: ${file}: data[0].allow[0]: unknown tool "Bar AI": neither a catalog tool nor one of this policy's tools with a category`,
    ]);
  });
});

describe('which-tool policy check', () => {
  it('summarises a good file: tools by status, own tools, data rules, unlisted catalog tools', () => {
    const r = runCli(['policy', 'check', ACME]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const part of [
      'ACME AI ACCEPTABLE USE', 'Approved (2): Adobe Firefly, Acme Assistant', 'Restricted (1): GPT-4o', 'Prohibited (1): Midjourney v6',
      'Acme Assistant: language model, approved', 'health: only Acme Assistant (patient data only in tools under our BAA)',
      'therefore under review: Claude Sonnet 4.5, Gemini 2.0', 'Access requests: https://acme.example/ai-request', `${ACME}: valid`,
    ]) expect(r.stdout).toContain(part);
  });

  it('--json gives the summary as data, with warnings for things that are valid but likely unmeant', () => {
    const file = policyFile('warn.json', { unlisted: 'prohibited', tools: [{ name: 'GPT-4o', status: 'restricted' }] });
    const r = runCli(['policy', 'check', '--json', file]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ ok: true, name: 'Company AI policy', unlisted: { status: 'prohibited' }, byStatus: { restricted: ['GPT-4o'] }, access: null });
    expect(s.unlisted.tools).toContain('Midjourney v6');
    expect(s.warnings).toContain('tools[0] (GPT-4o) is restricted without a note: people will not know under which conditions');
    expect(s.warnings).toContain('every image generator is prohibited: such requests get no tool');
  });

  it('asks for a file when none is given', () => {
    const r = runCli(['policy', 'check'], undefined, { WHICH_TOOL_POLICY: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/check needs a policy file/);
  });
});
