// The deployment guide's files stay true: the compose file runs Postgres, three replicas on it
// and a load balancer whose upstreams are exactly those replicas; the guide names the command
// that moves a SQLite deployment and every file it points to exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './dockerfile.js';

const read = (p: string): string => readFileSync(join(repoRoot, p), 'utf8');

describe('docs/deploy.md and deploy/', () => {
  it('compose: Postgres, three replicas sharing DATABASE_URL with their schedulers on, and nginx over exactly those three', () => {
    const compose = read('deploy/compose.yaml');
    const block = compose.slice(compose.indexOf('\nservices:'), compose.indexOf('\nvolumes:'));
    const services = [...block.matchAll(/^ {2}([a-z0-9-]+):/gm)].map((m) => m[1]);
    expect(services).toEqual(['postgres', 'replica-1', 'replica-2', 'replica-3', 'balancer']);
    expect(compose).toMatch(/DATABASE_URL: postgres:\/\/which_tool:\$\{POSTGRES_PASSWORD[^}]*\}@postgres:5432\/which_tool/);
    expect(compose).toContain('WHICH_TOOL_SCHEDULER: "on"');
    expect(compose).toMatch(/condition: service_healthy/);
    const upstreams = [...read('deploy/nginx.conf').matchAll(/^\s+server (replica-\d):3978/gm)].map((m) => m[1]);
    expect(upstreams).toEqual(['replica-1', 'replica-2', 'replica-3']);
    // No sticky sessions: no directive pins a client to a replica (comments aside).
    const directives = read('deploy/nginx.conf').replace(/#.*$/gm, '');
    expect(directives).not.toMatch(/ip_hash|sticky|\bhash\s/);
  });

  it('the guide covers readiness, SIGTERM, sticky sessions and the data move, and its links resolve', () => {
    const guide = read('docs/deploy.md');
    for (const s of ['npx which-tool store migrate --from sqlite:./var/which-tool.db --to $DATABASE_URL', 'readinessProbe', 'SIGTERM', 'no sticky sessions', 'allowScripts'])
      expect(guide, s).toContain(s);
    for (const [, target] of guide.matchAll(/\]\((\.\.\/[^)#]+)\)/g)) expect(existsSync(join(repoRoot, 'docs', target!)), target).toBe(true);
  });
});
