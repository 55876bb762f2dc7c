// Socket Mode end to end: apps.connections.open on the stand-in returns a local WebSocket
// that plays Slack's side (hello, then a slash command envelope); the app's ack comes back
// over the socket with the answer card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SlackStandIn } from './helpers/stand-in.js';
import { startSlackServer, type SlackTestServer } from './helpers/server.js';
import { CHANNEL, TEAM, USER } from './helpers/payloads.js';

let slack: SlackStandIn;
let wss: WebSocket.Server;
let app: SlackTestServer;
const sockets: WebSocket[] = [];
const received: Record<string, unknown>[] = [];

beforeAll(async () => {
  wss = new WebSocket.Server({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const wsUrl = `ws://127.0.0.1:${(wss.address() as { port: number }).port}/link`;
  wss.on('connection', (ws) => {
    sockets.push(ws);
    ws.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' } }));
  });
  slack = await new SlackStandIn().start();
  slack.answers['apps.connections.open'] = () => ({ ok: true, url: wsUrl });
  app = await startSlackServer(slack.apiUrl, { SLACK_APP_TOKEN: 'xapp-1-test-token' });
});

afterAll(async () => {
  await app.stop();
  for (const s of sockets) s.terminate();
  await new Promise<void>((r) => wss.close(() => r()));
  await slack.stop();
});

async function until<T>(find: () => T | undefined, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = find();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('Socket Mode', () => {
  it('connects with the app token and answers a slash command over the socket', async () => {
    const [open] = await slack.waitFor('apps.connections.open');
    expect(open!.authorization).toBe('Bearer xapp-1-test-token');
    const ws = await until(() => sockets[0]);
    ws.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          team_id: TEAM,
          channel_id: CHANNEL,
          user_id: USER,
          command: '/whichtool',
          text: 'a 15-second video ad for our app',
          response_url: slack.responseUrl('sm'),
          trigger_id: '1.2.3',
          api_app_id: 'A0APP',
        },
      }),
    );
    const ack = await until(() => received.find((m) => m.envelope_id === 'env-1'));
    const payload = ack.payload as { response_type: string; blocks: { type: string; text?: { text: string } }[] };
    expect(payload.response_type).toBe('ephemeral');
    expect(payload.blocks[0]!.text!.text.toLowerCase()).toContain('video');
    expect(app.store.requests.at(-1)).toMatchObject({ category: 'video', workspace: TEAM });
  });
});
