// The one-way architecture: src/core and src/render are pure and import no SDK. Only zod,
// fuse.js, node: builtins and relative files are allowed there.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedPackages } from './helpers/imports.js';

const ALLOWED_PACKAGES = new Set(['zod', 'fuse.js']);
const PURE_DIRS = ['src/core', 'src/render'];

/** Packages that break the rule: any but the allowed ones. */
function forbiddenImports(source: string): string[] {
  return importedPackages(source).filter((pkg) => !ALLOWED_PACKAGES.has(pkg));
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('architecture', () => {
  it('src/core and src/render import no SDK or other package', () => {
    const files = PURE_DIRS.flatMap((d) => tsFiles(join(process.cwd(), d)));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((f) => forbiddenImports(readFileSync(f, 'utf8')).map((s) => `${relative(process.cwd(), f)} imports ${s}`));
    expect(offenders).toEqual([]);
  });

  it('the checker catches every way of importing an SDK', () => {
    const bad = [
      "import { App } from '@slack/bolt';",
      "import type { TurnContext } from 'botbuilder';",
      "import Database from 'better-sqlite3';",
      "export { pino } from 'pino';",
      "import 'croner';",
      "const m = await import('@slack/web-api');",
      "const x = require('botbuilder-core');",
      "import {\n  Cron,\n} from 'croner/dist/x.js';",
    ];
    for (const line of bad) expect(forbiddenImports(line), line).toHaveLength(1);
  });

  it('the checker allows zod, fuse.js, node: builtins, relative files, and ignores comments', () => {
    const ok = [
      "import { z } from 'zod';",
      "import Fuse from 'fuse.js';",
      "import { readFileSync } from 'node:fs';",
      "import type { Card } from './card.js';",
      "export * from '../core/answer.js';",
      "// import { App } from '@slack/bolt';",
      "/* import 'pino' */",
      "const url = 'https://slack.com/api/'; // from 'x'",
    ];
    for (const line of ok) expect(forbiddenImports(line), line).toEqual([]);
  });
});
