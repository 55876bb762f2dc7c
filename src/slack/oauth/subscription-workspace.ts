// The workspace a digest subscription belongs to, as an installation lookup: its own
// workspace's installation first, else its Grid organisation's org-wide one.
import type { SubscriptionRecord } from '../../store/digest-types.js';
import type { InstallationLookup } from '../../store/installation-types.js';

export const subscriptionWorkspace = (sub: Pick<SubscriptionRecord, 'workspace' | 'enterprise'>): InstallationLookup => ({
  ...(sub.workspace ? { teamId: sub.workspace } : {}),
  ...(sub.enterprise ? { enterpriseId: sub.enterprise } : {}),
  isEnterpriseInstall: false,
});
