// GET /slack/install and GET /slack/oauth_redirect on the one HTTP server. The install page
// carries a signed, ten-minute `state` that must come back with the same browser (a cookie);
// the callback exchanges Slack's code, stores the installation and answers with a page.
import type { ServerResponse } from 'node:http';
import type { CallbackOptions } from '@slack/oauth';
import type { Logger } from '../../log/logger.js';
import type { Route } from '../../surface/routes.js';
import { fromBolt } from './bolt-store.js';
import { failureKind } from './failure-kind.js';
import type { SlackOAuth } from './installer.js';
import type { InstallationLifecycle } from './lifecycle.js';
import { failurePage, successPage, type Page } from './pages.js';
import { BOT_SCOPES } from './scopes.js';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/**
 * The pages load nothing and run nothing; the callback's URL holds a one-time code, so no
 * Referer leaves it, and no page may be framed (clickjacking an "Add to Slack").
 */
function pageHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('cache-control', 'no-store');
}

function send(res: ServerResponse, page: Page): void {
  if (res.headersSent) return;
  res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page.html);
}

export function installRoutes(oauth: SlackOAuth, lifecycle: InstallationLifecycle, log: Logger): Route[] {
  const callback: CallbackOptions = {
    successAsync: async (installation, _options, _req, res) => {
      const stored = fromBolt(installation, new Date());
      await lifecycle.installed(stored);
      send(res, successPage(stored));
    },
    failure: (error, _options, _req, res) => {
      const kind = failureKind(error as { code?: string; data?: { error?: string } });
      log.warn({ kind, code: error.code }, 'Slack install did not complete; nothing stored');
      send(res, failurePage(kind, INSTALL_PATH));
    },
  };
  return [
    {
      method: 'GET',
      path: INSTALL_PATH,
      handler: (req, res) => {
        pageHeaders(res);
        return oauth.installer.handleInstallPath(req, res, undefined, { scopes: [...BOT_SCOPES] });
      },
    },
    {
      method: 'GET',
      path: REDIRECT_PATH,
      handler: (req, res) => {
        pageHeaders(res);
        return oauth.installer.handleCallback(req, res, callback);
      },
    },
  ];
}
