// The bot side of the Teams benchmark, in its own process (as in production, the client and
// the connector are elsewhere): the Teams surface on the real HTTP server; reports its port.
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config/config.js';
import { loadCatalog } from '../src/core/catalog.js';
import { PolicyHolder } from '../src/core/policy/holder.js';
import { Recommender } from '../src/core/recommend.js';
import { silentLogger } from '../src/log/logger.js';
import { createHttpServer } from '../src/server/http-server.js';
import { personKeys } from '../src/surface/person-key.js';
import { guideFactsOf } from '../src/server/guide-facts.js';
import { RequestLimits } from '../src/surface/request-limits.js';
import { MemoryStore } from '../src/store/memory-store.js';
import { createTeamsSurface } from '../src/teams/surface.js';

const log = silentLogger();
// One simulated person sends every request: the per-person limit would stop the load at 20.
const config = loadConfig({ PORT: '0', WHICH_TOOL_RATE_LIMIT: '0' });
const catalog = loadCatalog();
const deps = { recommender: new Recommender(catalog), policy: new PolicyHolder(null, catalog), store: new MemoryStore(), log, logRequestText: false, limits: new RequestLimits(config.rateLimit), personKey: personKeys(config.historySecret, 'slack'), guide: guideFactsOf(config) };
const surface = await createTeamsSurface(deps, config.teams);
const server = createHttpServer({ surfaces: [surface], log, health: () => ({}) });
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
// CPU time used so far, asked for around the measured run: a figure that the machine's other
// load does not distort the way latency is distorted.
process.on('message', () => process.send?.({ cpu: process.cpuUsage() }));
process.on('disconnect', () => process.exit(0));
