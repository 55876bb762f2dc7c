#!/usr/bin/env node
// The `which-tool` command line. `ask` loads only the core; `digest` loads the store on demand.
import { loadCatalog } from '../core/catalog.js';
import { WhichToolError } from '../core/errors.js';
import { Recommender } from '../core/recommend.js';
import { runAsk } from './ask.js';

const USAGE = `usage:
  which-tool ask [--json] "request"
  which-tool ask [--json] --stdin            one request per line
  which-tool digest subscribe|list|unsubscribe|run ...   (see README)
  which-tool store migrate --from sqlite:PATH [--to postgres://…]   (see docs/deploy.md)`;

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
    // The CLI is an edge: it may read its one variable here (the data folder, as the server does).
    const recommender = new Recommender(loadCatalog(process.env.WHICH_TOOL_DATA || undefined));
    return runAsk(recommender, { json: flags.json, stdin: flags.stdin, text: flags.words.join(' ') }, { out, err, input: process.stdin });
  }
  if (command === 'digest') {
    const { runDigestCommand } = await import('./digest.js');
    return runDigestCommand(rest, { out, err });
  }
  if (command === 'store') {
    const { runStoreCommand } = await import('./store.js');
    return runStoreCommand(rest, { out, err });
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
