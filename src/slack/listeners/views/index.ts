// Modal submissions.
import type { App, ViewSubmitAction } from '@slack/bolt';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { ASK_MODAL } from '../../views.js';
import { askSubmitted } from './ask-submitted.js';

export function registerViews(app: App, deps: SurfaceDeps): void {
  app.view<ViewSubmitAction>({ type: 'view_submission', callback_id: ASK_MODAL }, askSubmitted(deps));
}
