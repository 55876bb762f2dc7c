#!/usr/bin/env node
// The `which-tool` command line. `ask` loads the core, and the deployment's model when its
// database has accepted corrections; `digest`, `policy` and `corrections` load on demand.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_DB_PATH, debugFrom, loadCatalogConfig, policyFileFrom } from '../config/config.js';
import { defaultDataDir, loadCatalog } from '../core/catalog.js';
import { Classifier } from '../core/model/classifier.js';
import { WhichToolError } from '../core/errors.js';
import { defaultFreshness } from '../core/freshness.js';
import { applyPolicy } from '../core/policy/apply.js';
import { loadPolicy } from '../core/policy/load.js';
import { Recommender } from '../core/recommend.js';
import { runAsk } from './ask.js';
import { CATALOG_USAGE, runCatalogCommand } from './catalog.js';

const USAGE = `usage:
  which-tool ask [--json] [--policy FILE] "request"
  which-tool ask [--json] [--policy FILE] --stdin      one request per line
  which-tool policy check FILE [--json]
  which-tool policy report [--since 7d] [--json]
  which-tool digest subscribe|list|unsubscribe|run ...   (see README)
  which-tool corrections list|accept|reject|export ...    (see README)
  which-tool store migrate --from sqlite:PATH [--to postgres://…]   (see docs/deploy.md)
  ${CATALOG_USAGE}   stale facts; --strict fails on any`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const out = (s: string): void => void process.stdout.write(`${s}\n`);
  const err = (s: string): void => void process.stderr.write(`${s}\n`);
  if (command === 'ask') {
    const flags = { json: false, stdin: false, policy: undefined as string | undefined, words: [] as string[] };
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!;
      if (a === '--json') flags.json = true;
      else if (a === '--stdin') flags.stdin = true;
      else if (a === '--policy' || a.startsWith('--policy=')) {
        flags.policy = a === '--policy' ? rest[++i] : a.slice('--policy='.length);
        if (!flags.policy) {
          err(`which-tool: --policy needs a file\n${USAGE}`);
          return 2;
        }
      } else if (a === '--') continue;
      else if (a.startsWith('--')) {
        err(`which-tool: unknown option ${a}\n${USAGE}`);
        return 2;
      } else flags.words.push(a);
    }
    // The CLI is an edge: it reads its variables here (the data folder and the database, as the
    // server does), without failing on the server's other variables.
    const config = loadCatalogConfig(process.env);
    const dataDir = resolve(config.dataDir ?? defaultDataDir());
    const catalog = loadCatalog(dataDir);
    const recommender = new Recommender(catalog, undefined, { freshness: defaultFreshness(config.staleAfter) });
    const dbPath = process.env.WHICH_TOOL_DB || DEFAULT_DB_PATH;
    // No database, no corrections: the SQLite driver is not even loaded.
    if (existsSync(dbPath)) {
      const { deploymentModel } = await import('./deployment.js');
      const deployment = await deploymentModel(catalog, dataDir, dbPath, err);
      if (deployment) recommender.useModel(new Classifier(deployment));
    }
    // --policy wins over WHICH_TOOL_POLICY; a bad file throws PolicyError before any answer.
    const policyFile = flags.policy ?? policyFileFrom(process.env);
    const policy = policyFile ? loadPolicy(policyFile, catalog) : null;
    const ask = (q: string) => applyPolicy(recommender.ask(q), policy);
    return runAsk(ask, { json: flags.json, stdin: flags.stdin, text: flags.words.join(' ') }, { out, err, input: process.stdin });
  }
  if (command === 'policy') {
    const { runPolicyCommand } = await import('./policy.js');
    return runPolicyCommand(rest, { out, err });
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
  if (command === 'corrections') {
    const { runCorrectionsCommand } = await import('./corrections.js');
    return runCorrectionsCommand(rest, { out, err });
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
    if (debugFrom(process.env)) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    process.exitCode = 1;
  },
);
