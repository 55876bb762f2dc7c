// What a piece of typed text asks for, read the same on every surface: help, example requests,
// the AI policy, a digest command, or a recommendation. Words are matched after the request
// check, so a zero-width space or a trailing "!" does not turn "help" into a request.
import { checkRequest } from '../core/request.js';

export type Intent =
  | { readonly kind: 'help' }
  | { readonly kind: 'examples' }
  | { readonly kind: 'policy' }
  | { readonly kind: 'digest'; readonly args: string }
  | { readonly kind: 'ask'; readonly text: string };

// Greetings are how people open a chat with a bot: they get the guide, not a recommendation.
const HELP = /^(?:(?:help|hi|hello|start)[.!?]?|\?)$/i;
const EXAMPLES = /^examples?[.!?]?$/i;
// Only the word itself: "policy summaries for HR" is a request like any other.
const POLICY = /^policy[.!?]?$/i;
const DIGEST = /^digest(?:\s+([\s\S]*))?$/i;

const HELP_INTENT: Intent = { kind: 'help' };

export function readIntent(raw: string): Intent {
  const checked = checkRequest(raw);
  // An empty line (a bare mention, `/whichtool` alone) asks what the bot does. Anything else that
  // fails the check, too long for instance, is a request: answering refuses it politely.
  if (!checked.ok) return raw.trim() === '' ? HELP_INTENT : { kind: 'ask', text: raw };
  const text = checked.text;
  if (HELP.test(text)) return HELP_INTENT;
  if (EXAMPLES.test(text)) return { kind: 'examples' };
  if (POLICY.test(text)) return { kind: 'policy' };
  const digest = DIGEST.exec(text);
  if (digest) return { kind: 'digest', args: (digest[1] ?? '').trim() };
  return { kind: 'ask', text };
}
