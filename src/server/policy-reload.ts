// SIGHUP: the policy's owners replaced the file and want it in force without a restart. A bad
// edit must neither stop the bot nor leave it without a policy, so the old one stays and the
// log says, in one line, which file, where and why.
import type { PolicyHolder } from '../core/policy/holder.js';
import type { Logger } from '../log/logger.js';

export function reloadPolicy(policy: PolicyHolder, log: Logger): void {
  if (policy.file === null) {
    log.info('SIGHUP: no AI policy file is configured (WHICH_TOOL_POLICY); nothing to reload');
    return;
  }
  const r = policy.reload();
  if (r.ok) {
    log.info({ policy: r.policy?.name, version: r.policy?.version, changed: r.changed }, `AI policy reloaded from ${policy.file}${r.changed ? '' : ' (unchanged)'}`);
    return;
  }
  log.warn({ kept: r.kept?.version ?? null }, `AI policy not reloaded, the policy in force stays: ${r.reason}`);
}
