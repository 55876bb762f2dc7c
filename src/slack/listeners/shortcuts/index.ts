// Message shortcuts.
import type { App, MessageShortcut } from '@slack/bolt';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { SHORTCUT_ID, whichToolForThis } from './which-tool-for-this.js';

export function registerShortcuts(app: App, deps: SurfaceDeps): void {
  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: SHORTCUT_ID }, whichToolForThis(deps));
}
