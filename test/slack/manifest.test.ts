// The Slack manifests agree with the code: the command, the shortcut's callback_id, the
// events the listeners handle, the route, and the least bot scopes those need. The OAuth one
// also has the redirect URL, token rotation, org-wide Grid installs and the uninstall events,
// and docs/slack.md justifies every scope.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND } from '../../src/slack/listeners/commands/index.js';
import { SHORTCUT_ID } from '../../src/slack/listeners/shortcuts/which-tool-for-this.js';
import { REDIRECT_PATH } from '../../src/slack/oauth/routes.js';
import { BOT_SCOPES } from '../../src/slack/oauth/scopes.js';
import { SLACK_EVENTS_PATH } from '../../src/slack/surface.js';

const read = (name: string): string => readFileSync(resolve(process.cwd(), 'manifests/slack', name), 'utf8');

/** The `- item` lines under a `key:` line, for this manifest's simple YAML. */
function listUnder(yaml: string, key: string): string[] {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  expect(start, `${key} present`).toBeGreaterThan(-1);
  const indent = lines[start]!.search(/\S/);
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (l.trim().startsWith('#') || !l.trim()) continue;
    if (l.search(/\S/) <= indent && !l.trim().startsWith('-')) break;
    const m = /^\s*-\s+(\S+)/.exec(l);
    if (m && l.search(/\S/) >= indent) out.push(m[1]!);
  }
  return out;
}

const LEAST_SCOPES = ['app_mentions:read', 'chat:write', 'commands', 'im:history', 'usergroups:read', 'users:read'];
const EVENTS = ['app_home_opened', 'app_mention', 'message.im'];
const INSTALL_EVENTS = ['app_uninstalled', 'tokens_revoked'];

describe.each([
  ['manifest.yaml', 'http'],
  ['manifest.socket-mode.yaml', 'socket'],
  ['manifest.oauth.yaml', 'oauth'],
] as const)('%s', (file, mode) => {
  const yaml = read(file);

  it('declares the slash command and the message shortcut the code listens for', () => {
    expect(yaml).toContain(`- command: ${COMMAND}`);
    expect(yaml).toMatch(new RegExp(`type: message\\s+callback_id: ${SHORTCUT_ID}`));
    expect(yaml).toMatch(/name: Which tool for this\?/);
  });

  it('asks for the least bot scopes (the ones the install link asks for) and the events the listeners handle', () => {
    expect(listUnder(yaml, 'bot').sort()).toEqual(LEAST_SCOPES);
    expect([...BOT_SCOPES].sort()).toEqual(LEAST_SCOPES);
    expect(listUnder(yaml, 'bot_events').sort()).toEqual(mode === 'oauth' ? [...EVENTS, ...INSTALL_EVENTS].sort() : EVENTS);
  });

  it('turns on interactivity and App Home', () => {
    expect(yaml).toMatch(/interactivity:\s+is_enabled: true/);
    expect(yaml).toMatch(/home_tab_enabled: true/);
    expect(yaml).toMatch(/messages_tab_enabled: true/);
  });

  it(mode === 'socket' ? 'uses Socket Mode and has no request URLs' : 'points every request URL at /slack/events on a placeholder host', () => {
    const urls = [...yaml.matchAll(/(?:url|request_url): (\S+)/g)].map((m) => m[1]!);
    if (mode !== 'socket') {
      expect(urls).toHaveLength(3);
      for (const u of urls) expect(new URL(u).pathname).toBe(SLACK_EVENTS_PATH);
      for (const u of urls) expect(new URL(u).hostname).toMatch(/example\.com$/);
      expect(yaml).toContain('socket_mode_enabled: false');
    } else {
      expect(urls).toEqual([]);
      expect(yaml).toContain('socket_mode_enabled: true');
    }
  });
});

describe('distributing the app (manifest.oauth.yaml)', () => {
  const yaml = read('manifest.oauth.yaml');

  it('sends the browser back to /slack/oauth_redirect, rotates tokens and allows org-wide Grid installs', () => {
    const redirects = listUnder(yaml, 'redirect_urls');
    expect(redirects).toHaveLength(1);
    expect(new URL(redirects[0]!).pathname).toBe(REDIRECT_PATH);
    expect(yaml).toContain('token_rotation_enabled: true');
    expect(yaml).toContain('org_deploy_enabled: true');
  });

  it('the one-workspace manifests keep a fixed token: no rotation, no redirect URL', () => {
    for (const file of ['manifest.yaml', 'manifest.socket-mode.yaml']) {
      expect(read(file)).toContain('token_rotation_enabled: false');
      expect(read(file)).not.toContain('redirect_urls');
    }
  });

  it('docs/slack.md justifies every bot scope', () => {
    const docs = readFileSync(resolve(process.cwd(), 'docs/slack.md'), 'utf8');
    const table = docs.slice(docs.indexOf('| scope |'));
    for (const scope of BOT_SCOPES) expect(table, scope).toMatch(new RegExp(`\\| \`${scope}\` \\| [^|]{20,} \\|`));
  });
});
