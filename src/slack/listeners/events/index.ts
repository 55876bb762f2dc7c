// Events API listeners: mentions, direct messages and App Home.
import type { App } from '@slack/bolt';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { directMessage } from './direct-message.js';

export function registerEvents(app: App, deps: SurfaceDeps): void {
  app.event('app_mention', appMention(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  app.message(directMessage(deps));
}
