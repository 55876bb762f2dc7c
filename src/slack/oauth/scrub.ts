// Takes secrets out of free-text log lines written by Bolt, @slack/oauth and the Web API
// client. The client redacts fields named like "token" in the bodies it logs at debug level,
// but not `client_secret`, which oauth.v2.access sends with every install and every refresh.
import type { Scrub } from '../bolt-logger.js';

/** Slack tokens of every kind: bot, user, app, rotating (xoxe.xoxb-…) and refresh (xoxe-…). */
const SLACK_TOKEN = /\bx(?:ox[a-z]|app)(?:\.xox[a-z])?-[A-Za-z0-9-]+/g;
/** Fields of the OAuth bodies the client logs whose values are secret whatever they look like. */
const SECRET_FIELDS = /"(client_secret|code|refresh_token|access_token|token)":"(?:[^"\\]|\\.)*"/g;
const REDACTED = '[redacted]';

export function scrubber(secrets: readonly string[]): Scrub {
  const forms = [...new Set(secrets.filter(Boolean).flatMap((s) => [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)]))]
    // Longest first, so a secret that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text.replace(SLACK_TOKEN, REDACTED).replace(SECRET_FIELDS, `"$1":"${REDACTED}"`);
    for (const f of forms) if (out.includes(f)) out = out.split(f).join(REDACTED);
    return out;
  };
}
