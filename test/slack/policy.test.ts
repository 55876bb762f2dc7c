// The company's AI policy through the real Slack path: signed requests into Bolt's receiver on the
// real server, replies through a Web API and response_url stand-in, the policy log in SQLite.
import { describe, expect, it } from 'vitest';
import { PROHIBITED, usePolicedServer } from '../helpers/policy-server.js';
import { BOT_USER, CHANNEL, TEAM, USER, blockAction, event, slashCommand } from './helpers/payloads.js';
import { postToSlackRoute } from './helpers/signed.js';

const env = usePolicedServer();
const SHOTS = 'I need 300 product shots a month for the shop';

interface Block { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { action_id?: string; value?: string; url?: string; text: { text: string } }[] }
interface Reply { response_type?: string; replace_original?: boolean; blocks: Block[] }

const command = async (text: string): Promise<Reply> => {
  const res = await postToSlackRoute(env.server.url, slashCommand(text, env.slack.responseUrl('cmd')));
  expect(res.status).toBe(200);
  return res.json as Reply;
};
const buttons = (r: Reply) => r.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
const shown = (r: Reply): string => JSON.stringify(r.blocks, (k, v: unknown) => (k === 'value' ? undefined : v));
const press = async (actionId: string, value: unknown): Promise<Reply> => {
  const res = await postToSlackRoute(env.server.url, blockAction({ actionId, value: typeof value === 'string' ? value : JSON.stringify(value), responseUrl: env.slack.responseUrl(actionId) }));
  expect(res.status).toBe(200);
  // This press's own reply: a reply to an earlier press may still be on its way.
  await expect.poll(() => env.slack.named('response_url').filter((c) => c.path === `/response/${actionId}`)).not.toEqual([]);
  return env.slack.named('response_url').find((c) => c.path === `/response/${actionId}`)!.body as unknown as Reply;
};

describe('Slack under a company AI policy', () => {
  it('a kind with every tool prohibited: the answer says so, points to the access page, and shows none of them', async () => {
    const reply = await command(SHOTS);
    expect(shown(reply)).toContain('Your AI policy allows no image generator. Ask for one at https://it.initech.example/ai-access.');
    const access = buttons(reply).find((b) => b.action_id?.startsWith('request_access'))!;
    expect(access.url).toBe('https://it.initech.example/ai-access');
    expect(JSON.parse(access.value!)).toMatchObject({ q: SHOTS, access: 'image' });
    for (const name of PROHIBITED) expect(shown(reply)).not.toContain(name);
    await expect.poll(() => env.policyLog()).toContainEqual({ kind: 'unapproved', subject: 'image', status: 'prohibited', surface: 'slack', workspace: TEAM });
  });

  it('a data rule that leaves no tool: its notice comes first, and the kind stays without tools', async () => {
    const reply = await command("summarize the patient's chart for the handover");
    expect(JSON.stringify(reply.blocks[0])).toContain('no patient data in any AI tool');
    expect(shown(reply)).toMatch(/Your AI policy allows no language model with health data/);
    await expect.poll(() => env.policyLog()).toContainEqual(expect.objectContaining({ kind: 'data', subject: 'health', surface: 'slack' }));
  });

  it('a mention naming two tools says what the policy says of each and offers what is allowed instead', async () => {
    await postToSlackRoute(env.server.url, event({ type: 'app_mention', user: USER, text: `<@${BOT_USER}> copilot or cursor for the refactor?`, channel: CHANNEL, ts: '1700000000.000200', team: TEAM }));
    const [posted] = await env.slack.waitFor('chat.postMessage');
    const text = JSON.stringify(posted!.body.blocks);
    expect(text).toContain('GitHub Copilot');
    expect(text).toMatch(/Cursor \(coding assistant\)[^"]*Prohibited/);
    expect(text).toContain('sends code to a third party. Allowed instead: GitHub Copilot');
    await expect.poll(() => env.policyLog()).toContainEqual(expect.objectContaining({ kind: 'named', subject: 'Cursor', status: 'prohibited', surface: 'slack' }));
  });

  it('prohibited tools stay hidden after Other options, Compare, Back and Share', async () => {
    for (const q of [SHOTS, 'write the copy and make the images for 20 reels a week']) {
      for (const id of ['alternatives', 'compare', 'back']) {
        env.slack.calls.length = 0;
        const r = await press(id, { q, v: 'test' });
        for (const name of PROHIBITED) expect(shown(r), `${id}: ${q}`).not.toContain(name);
      }
    }
    env.slack.calls.length = 0;
    await postToSlackRoute(env.server.url, blockAction({ actionId: 'share', value: JSON.stringify({ q: SHOTS }), responseUrl: env.slack.responseUrl('share') }));
    const [posted] = await env.slack.waitFor('chat.postMessage');
    expect(JSON.stringify(posted!.body.blocks)).toContain('Your AI policy allows no image generator');
    for (const name of PROHIBITED) expect(JSON.stringify(posted!.body.blocks)).not.toContain(name);
    await env.slack.waitFor('response_url');
  });

  it('Request access is recorded once per person and answered privately beside the answer, with the access page', async () => {
    const r = await press('request_access', { q: SHOTS, v: 'test', access: 'image' });
    expect(r).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(shown(r)).toContain('Request access to an image generator');
    expect(shown(r)).toContain('https://it.initech.example/ai-access');
    env.slack.calls.length = 0;
    await press('request_access', { q: SHOTS, access: 'image' });
    await expect.poll(() => env.policyLog().filter((l) => l.kind === 'access')).toEqual([{ kind: 'access', subject: 'image', status: null, surface: 'slack', workspace: TEAM }]);
  });

  it('a tampered or empty Request access payload gets a polite reply and counts nothing', async () => {
    for (const value of [{ q: SHOTS, access: 'Totally Real Tool <!channel>' }, { q: SHOTS }, 'not json']) {
      env.slack.calls.length = 0;
      const r = await press('request_access', value);
      expect(shown(r)).toMatch(/could not be read|no longer works/);
    }
    expect(env.policyLog().filter((l) => l.kind === 'access' && l.subject !== 'image')).toEqual([]);
  });

  it('/whichtool policy shows the policy in force to anyone, and help mentions it', async () => {
    const reply = await command('policy');
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.blocks[0]!.text!.text).toBe('Initech AI policy');
    expect(shown(reply)).toMatch(/Prohibited \(\d+\)/);
    expect(shown(reply)).toContain('Cursor');
    expect(shown(reply)).toContain('https://it.initech.example/ai-access');
    expect(shown(await command('help'))).toContain('policy');
    // Only the word itself: a request that starts with it is answered as a request.
    expect((await command('policy summaries for our HR handbook')).blocks[0]!.text!.text).not.toBe('Initech AI policy');
  });
});
