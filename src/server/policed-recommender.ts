// The one place where the company's AI policy meets the answers of the running server: every
// surface (slash command, mentions, DMs, shortcut, modal, each button, Teams messages, actions
// and search) asks `deps.recommender`, and this is it. Handlers stay unaware of the policy, so a
// new call site cannot forget it, and a SIGHUP reload applies from the next `ask` on.
import type { AnswerT } from '../core/answer.js';
import type { Catalog } from '../core/catalog.js';
import type { PolicyHolder } from '../core/policy/holder.js';
import type { AskOptions, RecommenderOptions } from '../core/recommend.js';
import { TimedRecommender } from '../metrics/instrument.js';

export class PolicedRecommender extends TimedRecommender {
  constructor(
    catalog: Catalog,
    private readonly policy: PolicyHolder,
    options: RecommenderOptions = {},
  ) {
    super(catalog, undefined, options);
  }

  override ask(query: string, options: AskOptions = {}): AnswerT {
    return this.policy.apply(super.ask(query, options));
  }
}
