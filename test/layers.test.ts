// The flow is one way: core → render → surface (the port every chat surface plugs into) → the
// edges (slack, teams, digest, cli), with config, log, store and metrics beside, and server wiring
// them all. The package check in architecture.test.ts cannot see this: a relative import from
// core into render, or from slack into server, breaks the direction without naming any package.
// This test resolves every relative import to the folder it lands in, and keeps SDKs out of the port.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedPackages, importedSpecifiers } from './helpers/imports.js';

type Layer = 'core' | 'render' | 'config' | 'log' | 'store' | 'metrics' | 'corrections' | 'surface' | 'slack' | 'teams' | 'digest' | 'cli' | 'server';

/** What each folder may import besides itself. Anything not listed is a wrong-way import. */
const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = Object.freeze({
  core: [],
  render: ['core'],
  config: ['core'],
  log: [],
  store: ['core', 'config', 'log'],
  // Counters wrap the routes and the digest senders from outside; they name their types only.
  metrics: ['core', 'render', 'store', 'log', 'surface', 'digest'],
  // Learning from corrections: a service beside the digest, which the surfaces and the CLI call.
  corrections: ['core', 'render', 'config', 'log', 'store'],
  // The port: what every chat surface is handed (deps, routes, limits, refusals) and the answer
  // pipeline they share. It names the digest commands and the corrections service, never a surface.
  surface: ['core', 'render', 'config', 'log', 'store', 'metrics', 'digest', 'corrections'],
  slack: ['core', 'render', 'config', 'log', 'store', 'metrics', 'surface', 'digest', 'corrections'],
  teams: ['core', 'render', 'config', 'log', 'store', 'metrics', 'surface', 'digest', 'corrections'],
  // The digest posts to Teams through its serviceUrl allowlist and token source.
  digest: ['core', 'render', 'config', 'log', 'store', 'metrics', 'teams'],
  cli: ['core', 'render', 'config', 'log', 'store', 'digest', 'slack', 'corrections'],
  // The composition root: it builds every surface.
  server: ['core', 'render', 'config', 'log', 'store', 'metrics', 'surface', 'slack', 'teams', 'digest', 'corrections'],
});

const LAYERS = Object.keys(MAY_IMPORT) as Layer[];

/** Packages the port may use: zod for the shapes it shares. Each SDK stays in its own surface. */
const PORT_PACKAGES: ReadonlySet<string> = new Set(['zod']);

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

/** SDKs (any package but PORT_PACKAGES) imported by a file of the surface port, as "file → package" lines. */
export function sdkInPort(file: string, source: string): string[] {
  if (layerOf(file) !== 'surface') return [];
  return importedPackages(source)
    .filter((p) => !PORT_PACKAGES.has(p))
    .map((p) => `${file}: surface → ${p}`);
}

/** The modules that open a database: only a composition root (the server, a CLI command) opens one and hands it on. */
const STORE_OPENERS: readonly string[] = ['src/store/open.ts', 'src/store/sqlite.ts', 'src/store/pg/open.ts'];
const MAY_OPEN_STORE: readonly string[] = ['server', 'cli', 'store'];

/** Imports of a store opener by a file that is handed its store instead, as "file → opener" lines. */
export function opensStore(file: string, source: string): string[] {
  const from = layerOf(file);
  if (from === null || MAY_OPEN_STORE.includes(from)) return [];
  return importedSpecifiers(source)
    .filter((s) => s.startsWith('.') && STORE_OPENERS.includes(join(dirname(file), s).replace(/\.js$/, '.ts')))
    .map((s) => `${file} → ${s}`);
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

  it('only the server and the CLI open the store; digests, corrections and surfaces are handed it', () => {
    expect(tsFiles('src').flatMap((f) => opensStore(f, readFileSync(f, 'utf8')))).toEqual([]);
    expect(opensStore('src/digest/service.ts', "import { openStore } from '../store/open.js';")).toHaveLength(1);
    expect(opensStore('src/corrections/open.ts', "const { openPostgresStore } = await import('../store/pg/open.js');")).toHaveLength(1);
    expect(opensStore('src/server/store.ts', "import { openStore } from '../store/open.js';")).toEqual([]);
    expect(opensStore('src/digest/service.ts', "import type { Store } from '../store/store.js';")).toEqual([]);
  });

  it('the surface port imports no SDK', () => {
    const port = tsFiles('src/surface');
    expect(port.length).toBeGreaterThan(5);
    expect(port.flatMap((f) => sdkInPort(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('the check resolves relative paths and catches each kind of wrong-way import', () => {
    expect(wrongWay('src/core/answer.ts', "import { x } from '../render/card.js';")).toHaveLength(1);
    expect(wrongWay('src/core/policy/apply.ts', "import type { T } from '../../store/types.js';")).toHaveLength(1);
    expect(wrongWay('src/render/block-kit.ts', "export * from '../slack/x.js';")).toHaveLength(1);
    expect(wrongWay('src/slack/listeners/actions/share.ts', "const t = await import('../../../teams/bot.js');")).toHaveLength(1);
    expect(wrongWay('src/teams/bot.ts', "import '../slack/surface.js';")).toHaveLength(1);
    expect(wrongWay('src/store/sqlite.ts', "import { d } from '../digest/runner.js';")).toHaveLength(1);
  });

  it('the check keeps the surfaces off the server, and the port off the surfaces and their SDKs', () => {
    expect(wrongWay('src/slack/listeners/commands/whichtool.ts', "import { endOfTurn } from '../../../server/end-of-turn.js';")).toHaveLength(1);
    expect(wrongWay('src/teams/bot.ts', "import type { SurfaceDeps } from '../server/deps.js';")).toHaveLength(1);
    expect(wrongWay('src/digest/service.ts', "import { startServer } from '../server/start.js';")).toHaveLength(1);
    expect(wrongWay('src/corrections/service.ts', "import type { SurfaceDeps } from '../surface/deps.js';")).toHaveLength(1);
    for (const to of ['../slack/surface.js', '../teams/bot.js', '../server/start.js']) expect(wrongWay('src/surface/answering.ts', `import { x } from '${to}';`), to).toHaveLength(1);
    expect(sdkInPort('src/surface/answering.ts', "import type { App } from '@slack/bolt';")).toHaveLength(1);
    expect(sdkInPort('src/surface/intent.ts', "import { TurnContext } from 'botbuilder';")).toHaveLength(1);
    expect(sdkInPort('src/surface/deps.ts', "const pg = await import('pg');")).toHaveLength(1);
  });

  it('the check lets the flow through: downward, within a folder, and outside src/', () => {
    expect(wrongWay('src/render/block-kit.ts', "import type { AnswerT } from '../core/answer.js';")).toEqual([]);
    expect(wrongWay('src/core/policy/apply.ts', "import { a } from '../answer.js';")).toEqual([]);
    expect(wrongWay('src/slack/listeners/actions/share.ts', "import { c } from '../../../render/card.js';")).toEqual([]);
    expect(wrongWay('src/server/start.ts', "import { s } from '../teams/surface.js';")).toEqual([]);
    expect(wrongWay('src/server/start.ts', "import { d } from '../surface/deps.js';")).toEqual([]);
    expect(wrongWay('src/slack/surface.ts', "import type { Mountable } from '../surface/routes.js';")).toEqual([]);
    expect(wrongWay('src/teams/bot.ts', "import { readIntent } from '../surface/intent.js';")).toEqual([]);
    expect(sdkInPort('src/surface/intent.ts', "import { z } from 'zod';\nimport type { IncomingMessage } from 'node:http';")).toEqual([]);
    expect(sdkInPort('src/slack/app.ts', "import { App } from '@slack/bolt';")).toEqual([]);
    expect(wrongWay('bench/run.ts', "import { s } from '../src/slack/surface.js';")).toEqual([]);
  });
});
