// App Home: what the bot does, examples as buttons, and the person's own recent questions.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { checkLimit } from '../../../surface/request-limits.js';
import { homeView } from '../../views.js';

export type HomeArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

export const RECENT_ON_HOME = 5;

export const appHomeOpened = (deps: SurfaceDeps) => async ({ event, body, client }: HomeArgs): Promise<void> => {
  if (event.tab !== 'home') return;
  // Over the limit the Home tab keeps what it showed last: there is no one to tell.
  if (checkLimit(deps.limits, 'slack', `${body.team_id}:${event.user}`).retryInS) return;
  const recent = await deps.store.recentHistory(deps.personKey(body.team_id, event.user), RECENT_ON_HOME);
  await client.views.publish({ user_id: event.user, view: homeView(recent, deps.guide) });
};
