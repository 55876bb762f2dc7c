// The built server in OAuth mode as a child process (`npm start`), pointed at the stand-in,
// and the install flow as a browser and Slack walk it: the install page hands out a signed
// state and a cookie; Slack redirects back with a code and that state; the browser sends the
// cookie with it.
import { join } from 'node:path';
import { ensureBuilt, ROOT } from '../../digest/built-cli.js';
import { runToExit, startServerProcess, type ServerProcess } from '../../ship/server-process.js';
import { SIGNING_SECRET } from './signed.js';
import { OAUTH_CLIENT, type StandInWorkspace } from './stand-in-oauth.js';
import type { SlackStandIn } from './stand-in.js';

export const MAIN = join(ROOT, 'dist', 'src', 'server', 'main.js');
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
export const STATE_SECRET = 'oauth-state-secret-6b0f2d9e4c1a8e53';
/** 32 bytes, base64, as `openssl rand -base64 32` prints them. */
export const SECRET_KEY = 'q9T2xJd1bG4mW7zR0cV5nL8sK3pY6hE1aF4uI7oQ2w0=';
export const OTHER_KEY = 'Zm9yIHRlc3RzIG9ubHk6IGEgc2Vjb25kIDMyIGJ5dGU=';

export { ensureBuilt };

export function oauthEnv(slack: SlackStandIn, db: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    PORT: '0',
    HOST: '127.0.0.1',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_CLIENT_ID: OAUTH_CLIENT.id,
    SLACK_CLIENT_SECRET: OAUTH_CLIENT.secret,
    SLACK_STATE_SECRET: STATE_SECRET,
    SLACK_API_URL: slack.apiUrl,
    WHICH_TOOL_SECRET_KEY: SECRET_KEY,
    WHICH_TOOL_DB: db,
    WHICH_TOOL_SCHEDULER: 'off',
    ...extra,
  };
}

export const startOAuthServer = (env: Record<string, string>): Promise<ServerProcess> => startServerProcess(MAIN, ROOT, env);

export async function stopServer(server: ServerProcess): Promise<number | string> {
  server.child.kill('SIGTERM');
  return server.exited;
}

/** `which-tool digest …` against the same database and variables. */
export const digestCli = (env: Record<string, string>, ...args: string[]) => runToExit(process.execPath, [CLI, 'digest', ...args], ROOT, env);

export interface InstallStart {
  readonly status: number;
  readonly html: string;
  readonly headers: Headers;
  readonly authorizeUrl: URL;
  readonly state: string;
  /** The cookie pair the browser sends back, e.g. "slack-app-oauth-state=…". */
  readonly cookie: string;
}

/** GET /slack/install as a browser: the page, the authorize link on it, and the state cookie. */
export async function openInstallPage(baseUrl: string): Promise<InstallStart> {
  const res = await fetch(`${baseUrl}/slack/install`);
  const html = await res.text();
  const href = /<a class="button" href="([^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error(`no Add to Slack link on the install page:\n${html}`);
  const authorizeUrl = new URL(href.replace(/&amp;/g, '&'));
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { status: res.status, html, headers: res.headers, authorizeUrl, state: authorizeUrl.searchParams.get('state') ?? '', cookie };
}

export interface Callback {
  readonly status: number;
  readonly html: string;
  readonly headers: Headers;
}

/** Slack's redirect back to the app, as the browser follows it. */
export async function callback(baseUrl: string, query: Record<string, string>, cookie?: string): Promise<Callback> {
  const res = await fetch(`${baseUrl}/slack/oauth_redirect?${new URLSearchParams(query)}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

/** The whole flow for one workspace (or organisation): the person presses "Allow". */
export async function install(baseUrl: string, slack: SlackStandIn, ws: StandInWorkspace): Promise<Callback> {
  const start = await openInstallPage(baseUrl);
  return callback(baseUrl, { code: slack.oauth.grant(ws), state: start.state }, start.cookie);
}
