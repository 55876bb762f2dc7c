// Bolt 5.1's HTTPReceiver reads `body.ssl_check` right after parsing, outside its try/catch: a
// signed body that parses to null (JSON `null`, or a form with `payload=null`) throws there as
// an unhandled rejection and ends the process (docs/upstream/bolt-null-body.md). Bolt parses a
// form's single `payload` field, or any other body, with JSON.parse; text that parses at all and
// starts with `{` is an object, so that is what is checked, without parsing twice.

const FORM = 'application/x-www-form-urlencoded';
const OBJECT_START = /^[\t\n\r ]*\{/;
/** A field name written with an escape: it might decode to `payload`. */
const ESCAPED_NAME = /(?:^|&)[^=&]*[%+]/;

const decode = (s: string): string => {
  if (!s.includes('%') && !s.includes('+')) return s;
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
};

/** Why Bolt must not see this body, or undefined when its parsed form can only be an object (or a parse error Bolt answers itself). */
export function bodyShapeProblem(contentType: string | undefined, text: string): string | undefined {
  if (contentType !== FORM) return OBJECT_START.test(text) ? undefined : 'the body is not a JSON object';
  // A slash command has no payload field: one scan instead of splitting every field.
  if (!text.includes('payload') && !ESCAPED_NAME.test(text)) return undefined;
  const payloads: string[] = [];
  for (const pair of text.split('&')) {
    const eq = pair.indexOf('=');
    if (decode(eq === -1 ? pair : pair.slice(0, eq)) === 'payload') payloads.push(eq === -1 ? '' : pair.slice(eq + 1));
  }
  // Several `payload` fields parse to an array, which Bolt keeps as the form itself (an object).
  if (payloads.length !== 1) return undefined;
  return OBJECT_START.test(decode(payloads[0]!)) ? undefined : 'the payload is not a JSON object';
}

/** Slack's one unsigned request: `ssl_check=1`, answered 200 without looking further. */
export const isSslCheck = (contentType: string | undefined, text: string): boolean =>
  contentType === FORM && new URLSearchParams(text).get('ssl_check') === '1';
