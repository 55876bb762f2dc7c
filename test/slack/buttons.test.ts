// block_actions over HTTP: every button of the answer card, answered through response_url
// (the stand-in) or by a Web API call (the stand-in).
import { describe, expect, it } from 'vitest';
import { useSlackServer } from './helpers/server.js';
import { CHANNEL, TEAM, USER, blockAction } from './helpers/payloads.js';
import { postToSlackRoute } from './helpers/signed.js';

const env = useSlackServer();
const Q = 'I need 300 product shots a month for the shop';
const value = (extra: Record<string, string> = {}) => JSON.stringify({ q: Q, v: 'test', ...extra });

async function click(actionId: string, v = value(), extra: Partial<Parameters<typeof blockAction>[0]> = {}) {
  const res = await postToSlackRoute(env.app.server.url, blockAction({ actionId, value: v, responseUrl: env.slack.responseUrl(actionId), ...extra }));
  expect(res.status).toBe(200);
}

const headerOf = (body: Record<string, unknown>): string =>
  ((body.blocks as { type: string; text?: { text: string } }[]).find((b) => b.type === 'header')?.text?.text ?? '');

describe('answer card buttons', () => {
  it('Other options replaces the ephemeral answer with the alternatives', async () => {
    await click('alternatives');
    const [r] = await env.slack.waitFor('response_url');
    expect(r!.body).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(headerOf(r!.body)).toBe('Other options');
  });

  it('Compare shows the language model against the specialist', async () => {
    await click('compare');
    const [r] = await env.slack.waitFor('response_url');
    expect(headerOf(r!.body)).toMatch(/^Language model.* vs .*[Ii]mage/);
    expect(JSON.stringify(r!.body.blocks)).toContain('*Cost*');
  });

  it('Compare builds the missing side when the answer has no language model', async () => {
    await click('compare', JSON.stringify({ q: 'a 3D model of a bottle to 3D print' }));
    const [r] = await env.slack.waitFor('response_url');
    expect(headerOf(r!.body)).toMatch(/ vs /);
    expect(headerOf(r!.body).toLowerCase()).toContain('3d');
  });

  it('Share in channel posts the card publicly, then removes the private copy', async () => {
    await click('share');
    const [posted] = await env.slack.waitFor('chat.postMessage');
    expect(posted!.body.channel).toBe(CHANNEL);
    expect(posted!.authorization).toBe('Bearer xoxb-test-token');
    const ids = JSON.stringify(posted!.body.blocks);
    expect(ids).not.toContain('"share"');
    expect(ids).not.toContain('feedback_up');
    // The public copy says who shared it, as a live mention of the person who pressed the button.
    expect((posted!.body.blocks as unknown[])[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: `Shared by <@${USER}>` }] });
    const [r] = await env.slack.waitFor('response_url');
    expect(r!.body).toMatchObject({ delete_original: true });
  });

  it('Share tells the person to invite the bot when Slack refuses the post', async () => {
    env.slack.answers['chat.postMessage'] = () => ({ ok: false, error: 'not_in_channel' });
    try {
      await click('share');
      const [r] = await env.slack.waitFor('response_url');
      expect(JSON.stringify(r!.body)).toContain('/invite @Which Tool');
      // The private answer stays, so the person can still read it.
      expect(r!.body.replace_original).toBe(false);
    } finally {
      delete env.slack.answers['chat.postMessage'];
      env.slack.answers['chat.postMessage'] = (c) => ({ ok: true, channel: c.body.channel, ts: '1.2' });
    }
  });

  // Counting once per person and answer is the shared vote's, tested on both surfaces (test/surface/same-buttons.test.ts).
  it('👍 and 👎 are thanked in a private note beside the answer, and a second press is "already noted"; the vote names no user', async () => {
    const before = env.app.store.feedback.length;
    await click('feedback_up');
    await click('feedback_down');
    const [thanks, again] = await env.slack.waitFor('response_url', 2);
    expect(thanks!.body).toMatchObject({ replace_original: false, response_type: 'ephemeral' });
    expect(JSON.stringify(thanks!.body)).toContain('Thanks for the feedback');
    expect(JSON.stringify(again!.body)).toContain('Already noted');
    expect(env.app.store.feedback.slice(before)).toMatchObject([{ surface: 'slack', workspace: TEAM, channel: CHANNEL, category: 'image', helpful: true, catalogVersion: 'test' }]);
    expect(JSON.stringify(env.app.store.feedback)).not.toContain('U0ALICE');
  });

  it('a clarifying choice asks again preferring that category and records the request', async () => {
    const before = env.app.store.requests.length;
    await click('clarify.1', JSON.stringify({ q: 'a short clip with narration for our onboarding', prefer: 'audio' }));
    const [r] = await env.slack.waitFor('response_url');
    expect(headerOf(r!.body).toLowerCase()).toContain('audio');
    expect(env.app.store.requests.length).toBe(before + 1);
    expect(env.app.store.requests.at(-1)!.category).toBe('audio');
  });

  it('an example button answers that example', async () => {
    await click('example.2', JSON.stringify({ q: 'a 15-second video ad for our app' }));
    const [r] = await env.slack.waitFor('response_url');
    expect(headerOf(r!.body).toLowerCase()).toContain('video');
  });

  it('Back shows the answer again', async () => {
    await click('back');
    const [r] = await env.slack.waitFor('response_url');
    expect(headerOf(r!.body).toLowerCase()).toContain('image');
  });

  it('a button on a public message answers privately and leaves the message alone', async () => {
    await click('alternatives', value(), { ephemeral: false });
    const [r] = await env.slack.waitFor('response_url');
    expect(r!.body).toMatchObject({ replace_original: false, response_type: 'ephemeral' });
  });

  it('a malformed button value gets a polite reply, not a crash', async () => {
    for (const bad of ['not json', '{"q":""}', JSON.stringify({ q: 'x', prefer: 'spaceship' }), JSON.stringify({ q: 'x'.repeat(5000) })]) {
      env.slack.calls.length = 0;
      await click('compare', bad);
      const [r] = await env.slack.waitFor('response_url');
      expect(headerOf(r!.body)).toBe('That button no longer works');
    }
  });

  it('a button this version does not know is acked at once and answered politely', async () => {
    const t0 = Date.now();
    await click('launch_rocket', value());
    expect(Date.now() - t0).toBeLessThan(2_000);
    const [r] = await env.slack.waitFor('response_url');
    expect(headerOf(r!.body)).toBe('That button no longer works');
  });

  it('a button in the answer modal updates the modal in place', async () => {
    const view = { id: 'VANSWER', type: 'modal', hash: 'h1', callback_id: 'which_tool_answer', private_metadata: JSON.stringify({ channel: CHANNEL }) };
    await click('alternatives', value(), { view, responseUrl: undefined });
    const [u] = await env.slack.waitFor('views.update');
    expect(u!.body.view_id).toBe('VANSWER');
    expect(JSON.stringify(u!.body.view)).toContain('Other options');
  });

  it('an example button in App Home opens the answer in a modal', async () => {
    const view = { id: 'VHOME', type: 'home', hash: 'h2', callback_id: '', private_metadata: '' };
    await click('example.4', JSON.stringify({ q: 'write unit tests for this React component' }), { view, responseUrl: undefined });
    const [o] = await env.slack.waitFor('views.open');
    expect(o!.body.trigger_id).toMatch(/^\d+\.\d+\.def$/);
    const opened = o!.body.view as { type: string; blocks: unknown[] };
    expect(opened.type).toBe('modal');
    expect(headerOf(opened as unknown as Record<string, unknown>).toLowerCase()).toMatch(/cod/);
    expect(JSON.stringify(opened.blocks)).not.toContain('"share"');
  });

  it('Share from the modal posts in the channel the shortcut was used in', async () => {
    const view = { id: 'VANSWER', type: 'modal', hash: 'h1', callback_id: 'which_tool_answer', private_metadata: JSON.stringify({ channel: 'C0OTHER', thread_ts: '1700000000.000500' }) };
    await click('share', value(), { view, responseUrl: undefined });
    const [posted] = await env.slack.waitFor('chat.postMessage');
    expect(posted!.body).toMatchObject({ channel: 'C0OTHER', thread_ts: '1700000000.000500' });
  });

  it('"Something else…" and a kind, on a deployment without a database, say that nothing is kept', async () => {
    for (const [id, extra] of [['something_else', {}], ['kind', { kind: 'video' }]] as const) {
      env.slack.calls.length = 0;
      await click(id, value(extra));
      const [r] = await env.slack.waitFor('response_url');
      expect(JSON.stringify(r!.body.blocks)).toContain('keeps no corrections');
    }
  });
});
