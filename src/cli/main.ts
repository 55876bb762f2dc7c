#!/usr/bin/env node
// The `which-tool` command line. `ask` loads the core, and the deployment's model when its
// database has accepted corrections; `digest` and `corrections` load the store on demand.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_DB_PATH } from '../config/config.js';
import { defaultDataDir, loadCatalog } from '../core/catalog.js';
import { Classifier } from '../core/model/classifier.js';
import { WhichToolError } from '../core/errors.js';
import { Recommender } from '../core/recommend.js';
import { runAsk } from './ask.js';

const USAGE = `usage:
  which-tool ask [--json] "request"
  which-tool ask [--json] --stdin            one request per line
  which-tool digest subscribe|list|unsubscribe|run ...   (see README)
  which-tool corrections list|accept|reject|export ...    (see README)`;

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
    // The CLI is an edge: it may read its variables here (the data folder and the database, as
    // the server does), without failing on the server's other variables.
    const dataDir = resolve(process.env.WHICH_TOOL_DATA || defaultDataDir());
    const catalog = loadCatalog(dataDir);
    const recommender = new Recommender(catalog);
    const dbPath = process.env.WHICH_TOOL_DB || DEFAULT_DB_PATH;
    // No database, no corrections: the SQLite driver is not even loaded.
    if (existsSync(dbPath)) {
      const { deploymentModel } = await import('./deployment.js');
      const deployment = deploymentModel(catalog, dataDir, dbPath, err);
      if (deployment) recommender.useModel(new Classifier(deployment));
    }
    return runAsk(recommender, { json: flags.json, stdin: flags.stdin, text: flags.words.join(' ') }, { out, err, input: process.stdin });
  }
  if (command === 'digest') {
    const { runDigestCommand } = await import('./digest.js');
    return runDigestCommand(rest, { out, err });
  }
  if (command === 'corrections') {
    const { runCorrectionsCommand } = await import('./corrections.js');
    return runCorrectionsCommand(rest, { out, err });
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
