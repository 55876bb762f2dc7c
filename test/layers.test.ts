// The flow is one way: core → render → the edges (slack, teams, digest, cli, server), with config,
// log, store and metrics beside. The package check in architecture.test.ts cannot see this: a
// relative import from core into render, or from slack into teams, breaks the direction without
// naming any package. This test resolves every relative import to the folder it lands in.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedSpecifiers } from './helpers/imports.js';

type Layer = 'core' | 'render' | 'config' | 'log' | 'store' | 'metrics' | 'slack' | 'teams' | 'digest' | 'cli' | 'server';

/** What each folder may import besides itself. Anything not listed is a wrong-way import. */
const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = Object.freeze({
  core: [],
  render: ['core'],
  config: ['core'],
  log: [],
  store: ['core', 'config', 'log'],
  // Counters wrap the routes and the digest senders from outside; they name their types only.
  metrics: ['core', 'render', 'store', 'log', 'server', 'digest'],
  // The surfaces share the server's port (deps, routes, refusals) and the digest commands.
  slack: ['core', 'render', 'config', 'log', 'store', 'metrics', 'server', 'digest'],
  teams: ['core', 'render', 'config', 'log', 'store', 'metrics', 'server', 'digest'],
  // The digest posts to Teams through its serviceUrl allowlist and token source.
  digest: ['core', 'render', 'config', 'log', 'store', 'metrics', 'teams'],
  cli: ['core', 'render', 'config', 'log', 'store', 'digest', 'slack'],
  // The composition root: it builds every surface.
  server: ['core', 'render', 'config', 'log', 'store', 'metrics', 'slack', 'teams', 'digest'],
});

const LAYERS = Object.keys(MAY_IMPORT) as Layer[];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The top folder under src/ a path lies in, or null outside src/. */
export function layerOf(pathFromRoot: string): string | null {
  const parts = normalize(pathFromRoot).split(sep);
  return parts[0] === 'src' && parts.length > 2 ? parts[1]! : null;
}

/** Wrong-way imports of one file (path from the repository root), as "from → to" lines. */
export function wrongWay(file: string, source: string): string[] {
  const from = layerOf(file);
  if (from === null) return [];
  return importedSpecifiers(source)
    .filter((s) => s.startsWith('.'))
    .flatMap((s) => {
      const to = layerOf(join(dirname(file), s));
      if (to === null || to === from) return [];
      const allowed = (MAY_IMPORT as Record<string, readonly string[] | undefined>)[from];
      return allowed?.includes(to) ? [] : [`${file}: ${from} → ${to} (${s})`];
    });
}

describe('layers', () => {
  it('every folder of src/ has a place in the flow', () => {
    const folders = readdirSync('src', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !LAYERS.includes(f as Layer))).toEqual([]);
  });

  it('no file imports against the flow', () => {
    const files = tsFiles('src').map((f) => relative(process.cwd(), join(process.cwd(), f)));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((f) => wrongWay(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('the check resolves relative paths and catches each kind of wrong-way import', () => {
    expect(wrongWay('src/core/answer.ts', "import { x } from '../render/card.js';")).toHaveLength(1);
    expect(wrongWay('src/core/policy/apply.ts', "import type { T } from '../../store/types.js';")).toHaveLength(1);
    expect(wrongWay('src/render/block-kit.ts', "export * from '../slack/x.js';")).toHaveLength(1);
    expect(wrongWay('src/slack/listeners/actions/share.ts', "const t = await import('../../../teams/bot.js');")).toHaveLength(1);
    expect(wrongWay('src/teams/bot.ts', "import '../slack/surface.js';")).toHaveLength(1);
    expect(wrongWay('src/store/sqlite.ts', "import { d } from '../digest/runner.js';")).toHaveLength(1);
  });

  it('the check lets the flow through: downward, within a folder, and outside src/', () => {
    expect(wrongWay('src/render/block-kit.ts', "import type { AnswerT } from '../core/answer.js';")).toEqual([]);
    expect(wrongWay('src/core/policy/apply.ts', "import { a } from '../answer.js';")).toEqual([]);
    expect(wrongWay('src/slack/listeners/actions/share.ts', "import { c } from '../../../render/card.js';")).toEqual([]);
    expect(wrongWay('src/server/start.ts', "import { s } from '../teams/surface.js';")).toEqual([]);
    expect(wrongWay('bench/run.ts', "import { s } from '../src/slack/surface.js';")).toEqual([]);
  });
});
