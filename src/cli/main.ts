#!/usr/bin/env node
// The `which-tool` command line. `ask` loads only the core; `digest` loads the store on demand.
import { loadCatalogConfig } from '../config/config.js';
import { loadCatalog } from '../core/catalog.js';
import { WhichToolError } from '../core/errors.js';
import { defaultFreshness } from '../core/freshness.js';
import { Recommender } from '../core/recommend.js';
import { runAsk } from './ask.js';
import { CATALOG_USAGE, runCatalogCommand } from './catalog.js';

const USAGE = `usage:
  which-tool ask [--json] "request"
  which-tool ask [--json] --stdin            one request per line
  which-tool digest subscribe|list|unsubscribe|run ...   (see README)
  ${CATALOG_USAGE}   stale facts; --strict fails on any`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const out = (s: string): void => void process.stdout.write(`${s}\n`);
  const err = (s: string): void => void process.stderr.write(`${s}\n`);
  if (command === 'ask') {
    const flags = { json: false, stdin: false, words: [] as string[] };
    for (const a of rest) {
      if (a === '--json') flags.json = true;
      else if (a === '--stdin') flags.stdin = true;
      else if (a === '--') continue;
      else if (a.startsWith('--')) {
        err(`which-tool: unknown option ${a}\n${USAGE}`);
        return 2;
      } else flags.words.push(a);
    }
    // The CLI is an edge: it reads its variables here (the data folder, as the server does).
    const config = loadCatalogConfig(process.env);
    const recommender = new Recommender(loadCatalog(config.dataDir), undefined, { freshness: defaultFreshness(config.staleAfter) });
    return runAsk(recommender, { json: flags.json, stdin: flags.stdin, text: flags.words.join(' ') }, { out, err, input: process.stdin });
  }
  if (command === 'catalog') {
    const config = loadCatalogConfig(process.env);
    const catalog = loadCatalog(config.dataDir);
    return runCatalogCommand(rest, { catalog, staleAfter: config.staleAfter, now: () => new Date() }, { out, err });
  }
  if (command === 'digest') {
    const { runDigestCommand } = await import('./digest.js');
    return runDigestCommand(rest, { out, err });
  }
  err(USAGE);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Known errors are for people; anything else is a bug, reported without a stack unless asked.
    const message = e instanceof WhichToolError ? e.message : `unexpected error: ${(e as Error)?.message ?? String(e)}`;
    process.stderr.write(`which-tool: ${message}\n`);
    if (process.env.WHICH_TOOL_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    process.exitCode = 1;
  },
);
