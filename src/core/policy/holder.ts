// The policy in force, for a long-running process. This is the entry point for the surfaces:
//
//   const policy = new PolicyHolder(config.policyFile ?? null, catalog);   // start-up: throws PolicyError on a bad file
//   const answer = policy.apply(recommender.ask(text, options));           // every answer, buttons included
//   process.on('SIGHUP', () => { const r = policy.reload(); log(r.ok ? ... : r.reason); });
//
// A bad file must stop start-up (the contract), but a bad edit to a running server's file must
// not take the policy away or stop the bot: `reload` keeps the policy in force and says why.
// Answers read `current()` afresh each time, so a reload applies from the next answer on.
import type { AnswerT } from '../answer.js';
import type { Catalog } from '../catalog.js';
import { applyPolicy } from './apply.js';
import { loadPolicy } from './load.js';
import type { Policy } from './policy.js';

export type ReloadResult =
  /** `changed`: the file's content differs from the policy that was in force. */
  | { readonly ok: true; readonly changed: boolean; readonly policy: Policy | null }
  /** `reason`: one line, `file: JSON.path: reason`; the policy in force stays. */
  | { readonly ok: false; readonly reason: string; readonly kept: Policy | null };

export class PolicyHolder {
  private policy: Policy | null;

  /** Loads `file` (null: no policy, answers as without one). Throws PolicyError on a bad file. */
  constructor(
    readonly file: string | null,
    private readonly catalog: Catalog,
  ) {
    this.policy = file === null ? null : loadPolicy(file, catalog);
  }

  current(): Policy | null {
    return this.policy;
  }

  /** Reads the file again; never throws. */
  reload(): ReloadResult {
    if (this.file === null) return { ok: true, changed: false, policy: null };
    try {
      const next = loadPolicy(this.file, this.catalog);
      const changed = next.version !== this.policy?.version;
      this.policy = next;
      return { ok: true, changed, policy: next };
    } catch (err) {
      return { ok: false, reason: (err as Error).message, kept: this.policy };
    }
  }

  /** The answer under the policy in force now. */
  apply(answer: AnswerT): AnswerT {
    return applyPolicy(answer, this.policy);
  }
}
