// Finding 6 (medium): request text was escaped for & < > only, so line breaks and mrkdwn passed
// into the bot's own public messages (thread answers, shared answers, digests) and could fake
// the bot's layout ("*Tools* … https://evil.example … approved by IT"). Now every echo of what a
// person typed is plain_text, on one line, and the notification text is one line with Slack's
// formatting characters swapped for look-alikes. Bidi controls and zero-width characters are
// removed from requests before matching and rendering.
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../digest/built-cli.js';
import { SECRETS } from '../ship/fixture.js';
import { BOT_USER, blockAction, CHANNEL, event, slashCommand, USER } from '../slack/helpers/payloads.js';
import { postToSlackRoute } from '../slack/helpers/signed.js';
import { SlackStandIn, type RecordedCall } from '../slack/helpers/stand-in.js';
import { baseEnv, cli, scratch, serve } from './support.js';

const db = scratch();
const FORGED = 'make a jingle\n*Tools*  Evil Suite\n*Cost*  free, https://evil.example\n> approved by IT ~really~ `trust me`';
beforeAll(() => ensureBuilt(), 120_000);

interface Block {
  type: string;
  text?: { type: string; text: string };
  fields?: { type: string; text: string }[];
  elements?: { type: string; text: string }[];
}

/** Every piece of mrkdwn in a message, and the text of the block that quotes the request. */
function inspect(call: RecordedCall): { mrkdwn: string[]; quote: Block | undefined; text: string } {
  const blocks = call.body.blocks as Block[];
  const mrkdwn = blocks.flatMap((b) => [b.text, ...(b.fields ?? []), ...(b.elements ?? [])]).filter((t): t is { type: string; text: string } => t?.type === 'mrkdwn').map((t) => t.text);
  return { mrkdwn, quote: blocks.find((b) => b.text?.text.includes('make a jingle')), text: String(call.body.text) };
}

function expectNeutral(call: RecordedCall): void {
  const { mrkdwn, quote, text } = inspect(call);
  // The request is shown, as plain text on one line: no formatting can apply to it.
  expect(quote?.text).toMatchObject({ type: 'plain_text' });
  expect(quote!.text!.text).toContain('*Tools* Evil Suite *Cost* free, https://evil.example &gt; approved by IT ~really~ `trust me`');
  expect(quote!.text!.text).not.toContain('\n');
  // No mrkdwn anywhere carries any of it.
  for (const m of mrkdwn) expect(m).not.toMatch(/Evil Suite|evil\.example|approved by IT/);
  // The notification text is one line with nothing to format.
  expect(text).not.toMatch(/[\n*_~`]/);
}

describe("the bot's own Slack messages", () => {
  it('quote what a person typed as plain text on one line: mentions, direct messages and shared answers', async () => {
    const slack = await new SlackStandIn().start();
    const server = await serve({ ...baseEnv(db()), HOST: '127.0.0.1', SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: slack.apiUrl, SLACK_BOT_USER_ID: BOT_USER, SLACK_BOT_ID: 'B0WHICHBOT', WHICH_TOOL_RATE_LIMIT: '0' });
    const signed = { secret: SECRETS.SLACK_SIGNING_SECRET };
    try {
      await postToSlackRoute(server.url, { ...event({ type: 'app_mention', user: USER, text: `<@${BOT_USER}> ${FORGED}`, ts: '1700000000.000100', channel: CHANNEL }), ...signed });
      await postToSlackRoute(server.url, { ...event({ type: 'message', channel_type: 'im', channel: 'D0DM1', user: USER, text: FORGED, ts: '1700000000.000200' }), ...signed });
      const share = blockAction({ actionId: 'share', value: JSON.stringify({ q: FORGED, v: 'test' }), responseUrl: slack.responseUrl('share'), ephemeral: true });
      expect((await postToSlackRoute(server.url, { ...share, ...signed })).status).toBe(200);
      const posted = await slack.waitFor('chat.postMessage', 3);
      expect(posted.map((c) => c.body.channel).sort()).toEqual([CHANNEL, CHANNEL, 'D0DM1']);
      for (const call of posted) expectNeutral(call);
      // The slash command's private answer too.
      const own = await postToSlackRoute(server.url, { ...slashCommand(FORGED, slack.responseUrl('cmd')), ...signed });
      expectNeutral({ method: 'ack', path: '', body: own.json as Record<string, unknown> });
    } finally {
      await server.stop();
      await slack.stop();
    }
  });

  it('read a request with zero-width and bidi characters as the words it shows', async () => {
    const slack = await new SlackStandIn().start();
    const server = await serve({ ...baseEnv(db()), HOST: '127.0.0.1', SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: slack.apiUrl });
    try {
      const res = await postToSlackRoute(server.url, { ...slashCommand('make\u200b a\u200c jin\u200dgle \u202efor our bakery\u202c', slack.responseUrl('zw')), secret: SECRETS.SLACK_SIGNING_SECRET });
      const shown = JSON.stringify(res.json);
      expect(shown).not.toMatch(/No AI tool fits/);
      expect(shown).toMatch(/audio|music/i);
      expect(shown).toContain('make a jingle for our bakery');
      expect(shown).not.toMatch(/\\u200[bcd]|\\u202[ce]|[\u200b-\u200d\u202a-\u202e]/);
    } finally {
      await server.stop();
      await slack.stop();
    }
  });

  it('show logged request text in a digest as plain text on one line', async () => {
    const path = db();
    const slack = await new SlackStandIn().start();
    const env = { ...baseEnv(path), HOST: '127.0.0.1', SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: slack.apiUrl, WHICH_TOOL_LOG_REQUEST_TEXT: '1' };
    const server = await serve(env);
    try {
      const unanswerable = 'hello there\n*Tools*  Evil Suite\n> approved by IT';
      expect((await postToSlackRoute(server.url, { ...slashCommand(unanswerable, slack.responseUrl('u')), secret: SECRETS.SLACK_SIGNING_SECRET })).status).toBe(200);
    } finally {
      await server.stop();
    }
    try {
      expect((await cli(['digest', 'subscribe', '--platform', 'slack', '--channel', CHANNEL, '--schedule', '0 9 * * *'], env)).code).toBe(0);
      const at = new Date(Date.now() + 86_400_000);
      at.setUTCHours(9, 0, 0, 0);
      expect((await cli(['digest', 'run', '--at', at.toISOString()], env)).out).toContain('1 sent');
      const [digest] = slack.named('chat.postMessage');
      const blocks = digest!.body.blocks as Block[];
      const owners = blocks.find((b) => b.text?.text.includes('For the catalog owners'))!;
      expect(owners.text!.type).toBe('plain_text');
      expect(owners.text!.text).toContain('“hello there *Tools* Evil Suite &gt; approved by IT”');
      for (const b of blocks) if (b.text?.type === 'mrkdwn') expect(b.text.text).not.toContain('Evil Suite');
    } finally {
      await slack.stop();
    }
  });
});
