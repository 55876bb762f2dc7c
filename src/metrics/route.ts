// GET /metrics in the Prometheus text format. Unauthenticated like /healthz: keep it on the
// private network (see SECURITY.md).
import type { Mountable } from '../surface/routes.js';
import { registry } from './registry.js';

export function metricsSurface(): Mountable {
  return {
    name: 'metrics',
    routes: [
      {
        method: 'GET',
        path: '/metrics',
        handler: async (_req, res) => {
          const body = await registry.metrics();
          res.writeHead(200, { 'content-type': registry.contentType });
          res.end(body);
        },
      },
    ],
  };
}
