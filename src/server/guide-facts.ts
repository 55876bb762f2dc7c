// What the help card says of this deployment, from its configuration.
import type { Config } from '../config/config.js';
import type { GuideFacts } from '../render/guide-card.js';

export function guideFactsOf(config: Pick<Config, 'retentionDays' | 'logRequestText' | 'policyFile' | 'ownersContact'>): Omit<GuideFacts, 'platform'> {
  return {
    retentionDays: config.retentionDays,
    logsRequestText: config.logRequestText,
    policy: Boolean(config.policyFile),
    ...(config.ownersContact ? { ownersContact: config.ownersContact } : {}),
  };
}
