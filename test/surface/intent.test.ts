// The one reading of typed text both surfaces use: every word either surface ever took for help,
// examples, the policy or a digest command is taken on both.
import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_CHARS } from '../../src/core/errors.js';
import { readIntent } from '../../src/surface/intent.js';

describe('reading typed text', () => {
  it('takes an empty line, help and the greetings for help', () => {
    for (const text of ['', '   ', 'help', ' Help! ', 'help?', '?', 'hi', 'Hello', 'hello!', 'start', 'help\u200b']) expect(readIntent(text), JSON.stringify(text)).toEqual({ kind: 'help' });
  });

  it('takes "examples" and "policy" on their own, and requests that merely start with them as requests', () => {
    for (const text of ['examples', 'Example', 'examples.']) expect(readIntent(text), text).toEqual({ kind: 'examples' });
    for (const text of ['policy', 'POLICY?']) expect(readIntent(text), text).toEqual({ kind: 'policy' });
    expect(readIntent('examples of onboarding emails')).toEqual({ kind: 'ask', text: 'examples of onboarding emails' });
    expect(readIntent('policy summaries for HR')).toEqual({ kind: 'ask', text: 'policy summaries for HR' });
    expect(readIntent('help me write a blog post').kind).toBe('ask');
    expect(readIntent('hi, I need a logo')).toEqual({ kind: 'ask', text: 'hi, I need a logo' });
  });

  it('passes the words after "digest" on, and nothing else', () => {
    expect(readIntent('digest')).toEqual({ kind: 'digest', args: '' });
    expect(readIntent('DIGEST off')).toEqual({ kind: 'digest', args: 'off' });
    expect(readIntent('digest  weekly friday 16:00 Europe/Paris ')).toEqual({ kind: 'digest', args: 'weekly friday 16:00 Europe/Paris' });
    expect(readIntent('digests of our meeting notes')).toEqual({ kind: 'ask', text: 'digests of our meeting notes' });
  });

  it('reads a request as checked (trimmed, invisible characters gone), and leaves one that fails the check to be refused', () => {
    expect(readIntent('  make a\u200b jingle ')).toEqual({ kind: 'ask', text: 'make a jingle' });
    const long = `help ${'x'.repeat(MAX_REQUEST_CHARS)}`;
    expect(readIntent(long)).toEqual({ kind: 'ask', text: long });
    expect(readIntent('\u200b\u200b')).toEqual({ kind: 'ask', text: '\u200b\u200b' });
  });
});
