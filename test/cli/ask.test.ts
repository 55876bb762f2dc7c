import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfData } from '../helpers/catalog.js';
import { Answer } from '../../src/core/answer.js';
import { runCli } from '../helpers/cli.js';

describe('which-tool ask', () => {
  it('prints a readable answer for a person', () => {
    const r = runCli(['ask', 'I need 300 product shots a month for the shop']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/USE AN IMAGE GENERATOR/);
    expect(r.stdout).toMatch(/\$3–\$150 a month for 300 images \(/ );
    expect(r.stderr).toBe('');
  });

  it('--json prints exactly one JSON object in the contract shape', () => {
    const r = runCli(['ask', '--json', 'make a jingle']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const a = Answer.parse(JSON.parse(lines[0]!));
    expect(a.recommendations[0]!.category).toBe('audio');
  });

  it('--stdin answers one line per request, in order, skipping blank lines', () => {
    const r = runCli(['ask', '--json', '--stdin'], 'make a jingle\n\n   \nsummarize this contract\nhi\n');
    expect(r.code).toBe(0);
    const answers = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(answers.map((a) => a.query)).toEqual(['make a jingle', 'summarize this contract', 'hi']);
    expect(answers.map((a) => a.recommendations[0]?.category ?? 'none')).toEqual(['audio', 'llm', 'none']);
  });

  it('refuses an empty request with a clear message and a non-zero exit', () => {
    for (const args of [['ask'], ['ask', '   '], ['ask', '--json', '']]) {
      const r = runCli(args);
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/request is empty/);
    }
  });

  it('refuses a request over 2,000 characters without a stack trace', () => {
    const r = runCli(['ask', '--json', 'x'.repeat(2001)]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/longer than 2,000 characters/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('in --stdin mode reports a bad line in its object and goes on', () => {
    const r = runCli(['ask', '--json', '--stdin'], `${'y'.repeat(2500)}\nmake a logo\n`);
    expect(r.code).toBe(0);
    const [bad, good] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(bad.error).toMatch(/longer than 2,000/);
    expect(good.recommendations[0].category).toBe('image');
  });

  it('copes with control characters and markup', () => {
    const r = runCli(['ask', '--json', 'make\u0007 a <!channel> logo\u001b[31m for <@U123> pls']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.recommendations[0].category).toBe('image');
  });

  it('rejects unknown options with usage', () => {
    const r = runCli(['ask', '--yaml', 'hi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option --yaml/);
  });

  it('answers 1,000 lines in one process within seconds', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `need ${i} product photos a week for the shop`).join('\n');
    const r = runCli(['ask', '--json', '--stdin'], lines);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1000);
  });

  it('reports a broken catalog with file, path and reason, and no stack', () => {
    const dir = copyOfData();
    const file = join(dir, 'categories.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"unit": "image"', '"unit": "picture"'));
    const r = runCli(['ask', 'hi'], undefined, { WHICH_TOOL_DATA: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^which-tool: categories\.json: categories\[2\]\.unit: /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('estimates for every medium, through the command line (issue 18, point 8)', () => {
  it('prices audio per clip and 3D per model, with volumes in words and shorthand', () => {
    const r = runCli(['ask', '--json', '--stdin'], 'a dozen voiceovers a month for our training videos\nfour hundred stylized 3D props a month for the game\n1.5k product shots a month\nwe answer 2k support tickets a day with a chatbot\n');
    expect(r.code).toBe(0);
    const [voice, props, shots, tickets] = r.stdout.trim().split('\n').map((l) => Answer.parse(JSON.parse(l)));
    expect(voice!.volume).toEqual({ count: 12, unit: 'audio', period: 'month' });
    expect(voice!.recommendations[0]!.estimate).toMatchObject({ low: 0.24, high: 7.2, per: 'month', unit: 'audio' });
    expect(props!.volume).toEqual({ count: 400, unit: 'model', period: 'month' });
    expect(props!.recommendations[0]!.estimate).toMatchObject({ low: 40, high: 400, per: 'month', unit: 'model' });
    expect(shots!.volume).toEqual({ count: 1500, unit: 'image', period: 'month' });
    expect(tickets!.volume).toEqual({ count: 2000, unit: 'query', period: 'day' });
  });

  it('says a subscription-priced tool is sold by subscription, with its plan range', () => {
    const r = runCli(['ask', 'make a jingle for our bakery']);
    expect(r.stdout).toMatch(/^Cost: .*Sold by subscription: .*Suno AI \$10–\$30 a month/m);
  });
});
