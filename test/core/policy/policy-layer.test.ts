// The policy layer in a long-running process: PolicyHolder's reload keeps the policy in force
// when the new file is bad, the pure applyPolicy never touches the answer it is given, and the
// policy file comes from the configuration.
import { copyFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig, policyFileFrom } from '../../../src/config/config.js';
import { PolicyError } from '../../../src/core/errors.js';
import { applyPolicy } from '../../../src/core/policy/apply.js';
import { PolicyHolder } from '../../../src/core/policy/holder.js';
import { parsePolicy } from '../../../src/core/policy/load.js';
import { recommender, shippedCatalog } from '../../helpers/catalog.js';
import { ACME, policyFile } from '../../helpers/policy.js';

const r = recommender();

describe('PolicyHolder', () => {
  it('refuses a bad file at start-up with PolicyError', () => {
    const bad = policyFile('holder-bad.json', { tools: [{ name: 'GPT-4o', status: 'fine' }] });
    expect(() => new PolicyHolder(bad, shippedCatalog())).toThrow(PolicyError);
  });

  it('reload: a good new file applies from the next answer; a bad one keeps the old policy and says why', () => {
    const file = policyFile('holder.json', '{}');
    copyFileSync(ACME, file);
    const holder = new PolicyHolder(file, shippedCatalog());
    const before = holder.current()!;
    expect(holder.apply(r.ask('make a jingle')).appliedPolicy?.name).toBe('Acme AI acceptable use');

    expect(holder.reload()).toEqual({ ok: true, changed: false, policy: expect.objectContaining({ version: before.version }) });

    writeFileSync(file, JSON.stringify({ name: 'Next', unlisted: 'approved', tools: [{ name: 'Midjourney', status: 'prohibited' }] }));
    const next = holder.reload();
    expect(next).toMatchObject({ ok: true, changed: true });
    expect(holder.apply(r.ask('make a jingle')).appliedPolicy?.name).toBe('Next');

    writeFileSync(file, '{ "tools": [ { "name": "Midjourney", "status": "banned" } ] }');
    const bad = holder.reload();
    expect(bad).toEqual({ ok: false, reason: expect.stringMatching(/holder\.json: tools\[0\]\.status: Invalid option/), kept: expect.objectContaining({ name: 'Next' }) });
    expect(holder.current()?.name).toBe('Next');
    expect(holder.apply(r.ask('make a jingle')).appliedPolicy?.name).toBe('Next');
  });

  it('with no file there is no policy and answers are returned as they were', () => {
    const holder = new PolicyHolder(null, shippedCatalog());
    const answer = r.ask('make a jingle');
    expect(holder.apply(answer)).toBe(answer);
    expect(holder.reload()).toEqual({ ok: true, changed: false, policy: null });
  });
});

describe('applyPolicy', () => {
  const policy = parsePolicy('p.json', JSON.stringify({
    unlisted: 'approved',
    tools: [{ name: 'DALL-E 3', status: 'prohibited', note: 'no' }, { name: 'GPT-4o', status: 'restricted', note: 'workspace only' }],
  }), shippedCatalog());

  it('leaves the recommender’s (shared, frozen) answer untouched', () => {
    const answer = r.ask('write the captions and make the images for 5 instagram posts');
    const copy = structuredClone(answer);
    const policed = applyPolicy(answer, policy);
    expect(answer).toEqual(copy);
    expect(policed).not.toEqual(copy);
  });

  it('rates a catalog pairing by its least usable part', () => {
    const a = applyPolicy(r.ask('write the captions and make the images for 5 instagram posts'), policy);
    const tools = a.recommendations.flatMap((x) => x.tools.map((t) => t.name));
    expect(tools).not.toContain('ChatGPT + DALL-E 3');
    const other = parsePolicy('q.json', JSON.stringify({ unlisted: 'approved', tools: [{ name: 'chatgpt', status: 'restricted', note: 'workspace only' }] }), shippedCatalog());
    const multimodal = applyPolicy(r.ask('write the captions and make the images for 5 instagram posts'), other).recommendations[0]!;
    const pairing = multimodal.tools.find((t) => t.name === 'ChatGPT + DALL-E 3');
    // DALL-E 3 alone is left approved by `unlisted`; the pairing takes ChatGPT's restriction.
    expect(pairing).toMatchObject({ policy: 'restricted', note: 'workspace only' });
    const statuses = multimodal.tools.map((t) => t.policy);
    expect(statuses[0]).toBe('approved');
    expect(statuses.indexOf('restricted')).toBeGreaterThan(statuses.lastIndexOf('approved'));
  });
});

describe('configuration', () => {
  it('WHICH_TOOL_POLICY becomes config.policyFile; ask reads it alone, so server variables cannot break it', () => {
    expect(loadConfig({ WHICH_TOOL_POLICY: ' /etc/which-tool/policy.json ' }).policyFile).toBe('/etc/which-tool/policy.json');
    expect(loadConfig({ WHICH_TOOL_POLICY: '' })).not.toHaveProperty('policyFile');
    expect(() => loadConfig({ PORT: 'eighty', WHICH_TOOL_POLICY: 'p.json' })).toThrow(/PORT/);
    expect(policyFileFrom({ PORT: 'eighty', WHICH_TOOL_POLICY: 'p.json' })).toBe('p.json');
    expect(policyFileFrom({})).toBeUndefined();
  });
});
