// 👍 / 👎, counted once per person and answer by the shared vote (surface/feedback.ts). In a
// message a small private note says thanks and the answer stays; 👎 asks what was needed.
import { noticeCard } from '../../../render/answer-card.js';
import type { SurfaceDeps } from '../../../surface/deps.js';
import { vote } from '../../../surface/feedback.js';
import { showCard, showNote } from '../../reply.js';
import { readButton, type ButtonArgs } from './read-button.js';

export const THANKS = noticeCard('Thanks for the feedback', 'It helps keep the catalog honest.');
export const ALREADY_NOTED = noticeCard('Already noted', 'Your feedback on this answer was counted once already. Thanks!');

export const feedback = (deps: SurfaceDeps, helpful: boolean) => async (args: ButtonArgs): Promise<void> => {
  const b = await readButton(deps, args);
  if (!b) return;
  const counted = vote(deps, b.payload, helpful, b.asker, b.person);
  if (counted.kinds) return showCard(b.ctx, counted.kinds);
  // In App Home there is no message to put a note beside.
  if (b.ctx.body.view?.type !== 'home') await showNote(b.ctx, counted.first ? THANKS : ALREADY_NOTED);
};
