// Events API, the message shortcut and its modal, App Home and url_verification, over HTTP.
import { describe, expect, it } from 'vitest';
import { useSlackServer } from './helpers/server.js';
import { BOT_ID, BOT_USER, CHANNEL, TEAM, USER, event, messageShortcut, viewSubmission } from './helpers/payloads.js';
import { eventCallback, postToSlackRoute } from './helpers/signed.js';

const env = useSlackServer();

const post = (p: Parameters<typeof postToSlackRoute>[1]) => postToSlackRoute(env.app.server.url, p);
const settle = () => new Promise((r) => setTimeout(r, 150));
const header = (blocks: unknown): string => (blocks as { type: string; text?: { text: string } }[]).find((b) => b.type === 'header')?.text?.text ?? '';

describe('Events API', () => {
  it('answers url_verification with the challenge', async () => {
    const res = await post(eventCallback({ token: 'legacy', challenge: 'chal-123', type: 'url_verification' }));
    expect(res.status).toBe(200);
    expect(res.text).toContain('chal-123');
  });

  it('answers an @mention in a thread under the mention', async () => {
    const res = await post(event({ type: 'app_mention', user: USER, text: `<@${BOT_USER}> a catchy jingle for a radio ad`, ts: '1700000000.000100', channel: CHANNEL, team: TEAM }));
    expect(res.status).toBe(200);
    const [m] = await env.slack.waitFor('chat.postMessage');
    expect(m!.body).toMatchObject({ channel: CHANNEL, thread_ts: '1700000000.000100' });
    expect(header(m!.body.blocks).toLowerCase()).toContain('audio');
    expect(JSON.stringify(m!.body.blocks)).not.toContain('"share"');
  });

  it('a mention inside a thread answers in that thread', async () => {
    await post(event({ type: 'app_mention', user: USER, text: `<@${BOT_USER}> summarize our vendor contracts`, ts: '1700000000.000900', thread_ts: '1700000000.000001', channel: CHANNEL }));
    const [m] = await env.slack.waitFor('chat.postMessage');
    expect(m!.body.thread_ts).toBe('1700000000.000001');
  });

  it('answers a direct message in the DM', async () => {
    await post(event({ type: 'message', channel_type: 'im', channel: 'D0DM1', user: USER, text: 'write unit tests for this React component', ts: '1700000000.000200' }));
    const [m] = await env.slack.waitFor('chat.postMessage');
    expect(m!.body.channel).toBe('D0DM1');
    expect(m!.body.thread_ts).toBeUndefined();
    expect(header(m!.body.blocks).toLowerCase()).toMatch(/cod/);
    expect((await env.app.store.recentHistory(env.app.personKey(TEAM, USER), 5)).map((h) => h.text)).toContain('write unit tests for this React component');
  });

  it('ignores its own and other bots’ messages, edits and channel messages', async () => {
    await post(event({ type: 'message', channel_type: 'im', channel: 'D0DM1', user: BOT_USER, bot_id: BOT_ID, text: 'Use a language model', ts: '1.1' }));
    await post(event({ type: 'message', channel_type: 'im', channel: 'D0DM1', bot_id: 'B0OTHER', text: 'make a logo', ts: '1.2' }));
    await post(event({ type: 'message', subtype: 'message_changed', channel_type: 'im', channel: 'D0DM1', message: { text: 'make a logo' }, ts: '1.3' }));
    await post(event({ type: 'message', channel_type: 'channel', channel: CHANNEL, user: USER, text: 'make a logo', ts: '1.4' }));
    await settle();
    expect(env.slack.named('chat.postMessage')).toHaveLength(0);
  });

  it('does not answer an event twice when Slack redelivers it', async () => {
    const e = event({ type: 'app_mention', user: USER, text: `<@${BOT_USER}> a 15-second video ad for our app`, ts: '1700000000.000300', channel: CHANNEL }, 'Ev0REDELIVER');
    expect((await post(e)).status).toBe(200);
    await env.slack.waitFor('chat.postMessage');
    for (const n of ['1', '2']) {
      // A retry is a new request, signed at the time it is sent.
      const again = await post({ ...e, timestamp: Math.floor(Date.now() / 1000) + Number(n), headers: { 'x-slack-retry-num': n, 'x-slack-retry-reason': 'http_timeout' } });
      expect(again.status).toBe(200);
    }
    await settle();
    expect(env.slack.named('chat.postMessage')).toHaveLength(1);
  });

  it('answers a redelivery of an event it never saw (e.g. after a restart)', async () => {
    const e = event({ type: 'app_mention', user: USER, text: `<@${BOT_USER}> a 3D model of a bottle`, ts: '1700000000.000400', channel: CHANNEL }, 'Ev0FIRSTSEENASRETRY');
    await post({ ...e, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' } });
    await env.slack.waitFor('chat.postMessage');
  });

  it('publishes App Home with examples and the person’s recent questions', async () => {
    env.app.store.addHistory(env.app.personKey(TEAM, USER), { at: new Date(), text: 'a jingle for the <!here> crew' });
    await post(event({ type: 'app_home_opened', user: USER, channel: 'D0DM1', tab: 'home', event_ts: '1700000000.1' }));
    const [p] = await env.slack.waitFor('views.publish');
    expect(p!.body.user_id).toBe(USER);
    const view = p!.body.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Your recent questions');
    expect(text).toContain('a jingle for the &lt;!here&gt; crew');
    expect(text).toMatch(/"action_id":"example\.\d+"/);
    for (const part of ['Ways to ask', 'Commands', 'Buttons on an answer', 'What is kept', 'your Home tab']) expect(text).toContain(part);
  });
});

describe('message shortcut "Which tool for this?"', () => {
  it('opens a modal with the message text, keeping where it was used', async () => {
    const res = await post(messageShortcut('Can someone make 40 lifestyle photos of the new mug &amp; saucer?'));
    expect(res.status).toBe(200);
    const [o] = await env.slack.waitFor('views.open');
    expect(o!.body.trigger_id).toMatch(/^\d+\.\d+\.ghi$/);
    const view = o!.body.view as { callback_id: string; private_metadata: string; blocks: { element: { initial_value: string } }[] };
    expect(view.callback_id).toBe('which_tool_ask');
    expect(view.blocks[0]!.element.initial_value).toBe('Can someone make 40 lifestyle photos of the new mug & saucer?');
    expect(JSON.parse(view.private_metadata)).toEqual({ channel: CHANNEL, thread_ts: '1700000000.000500' });
  });

  it('view_submission turns the modal into the answer, with Share', async () => {
    const res = await post(viewSubmission('40 lifestyle photos of the new mug a month', JSON.stringify({ channel: CHANNEL })));
    expect(res.status).toBe(200);
    const reply = res.json as { response_action: string; view: { type: string; blocks: unknown[]; private_metadata: string } };
    expect(reply.response_action).toBe('update');
    expect(reply.view.type).toBe('modal');
    expect(header(reply.view.blocks).toLowerCase()).toContain('image');
    expect(JSON.stringify(reply.view.blocks)).toContain('"share"');
    expect(JSON.parse(reply.view.private_metadata)).toEqual({ channel: CHANNEL });
    expect(env.app.store.requests.at(-1)).toMatchObject({ category: 'image', channel: CHANNEL });
  });

  it('view_submission of an empty or too long request shows an error under the input', async () => {
    for (const text of ['   ', 'x'.repeat(2001)]) {
      const res = await post(viewSubmission(text, '{}'));
      const reply = res.json as { response_action: string; errors: Record<string, string> };
      expect(reply.response_action).toBe('errors');
      expect(reply.errors.request).toMatch(/empty|longer than 2,000/);
    }
  });
});
