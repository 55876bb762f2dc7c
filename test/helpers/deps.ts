// SurfaceDeps for tests that mount a surface without the composition root. Limits and keys come
// from the configuration as in production; these fixtures send many requests as one person, so
// they set WHICH_TOOL_RATE_LIMIT=0 (the rate-limit tests set their own).
import { loadConfig } from '../../src/config/config.js';
import { loadCatalog } from '../../src/core/catalog.js';
import { PolicyHolder } from '../../src/core/policy/holder.js';
import { Recommender } from '../../src/core/recommend.js';
import { silentLogger } from '../../src/log/logger.js';
import type { SurfaceDeps } from '../../src/surface/deps.js';
import { guideFactsOf } from '../../src/server/guide-facts.js';
import { personKeys } from '../../src/surface/person-key.js';
import { RequestLimits } from '../../src/surface/request-limits.js';
import { MemoryStore } from '../../src/store/memory-store.js';

let recommender: Recommender | undefined;

export function testDeps(overrides: Partial<SurfaceDeps> = {}, env: Record<string, string> = {}): SurfaceDeps & { store: MemoryStore } {
  const config = loadConfig({ WHICH_TOOL_RATE_LIMIT: '0', SLACK_SIGNING_SECRET: 'test-signing-secret-0123456789abcdef', SLACK_BOT_TOKEN: 'xoxb-test-token', ...env });
  return {
    recommender: (recommender ??= new Recommender(loadCatalog())),
    policy: new PolicyHolder(null, recommender.catalog),
    store: new MemoryStore(),
    log: silentLogger(),
    logRequestText: false,
    limits: new RequestLimits(config.rateLimit),
    personKey: personKeys(config.historySecret, 'slack'),
    guide: guideFactsOf(config),
    ...overrides,
  } as SurfaceDeps & { store: MemoryStore };
}
