// `which-tool corrections list | accept | reject | export`: the owners' review of what people said
// they needed, from a shell. Decisions here reach the running server within its look interval
// (WHICH_TOOL_LEARN_SECONDS) and `which-tool ask` at once.
import { userInfo } from 'node:os';
import { loadConfig, type Config } from '../config/config.js';
import { loadCatalog, type Catalog } from '../core/catalog.js';
import { parseCorpusText } from '../core/model/corpus.js';
import { Recommender } from '../core/recommend.js';
import { CorrectionService, type Decided } from '../corrections/service.js';
import { correctionExample, teachable, toTeaching } from '../corrections/teaching.js';
import { StoreUnavailableError } from '../store/connection.js';
import { CORRECTION_STATUSES, type CorrectionRecord, type CorrectionStatus } from '../store/correction-types.js';
import { openStore } from '../store/open.js';
import { silentLogger } from '../log/logger.js';
import { parseFlags, UsageError } from './flags.js';

export interface CorrectionsIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

export interface CorrectionsCliOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const USAGE = `usage:
  which-tool corrections list [--json] [--status pending|accepted|rejected]
  which-tool corrections accept <id>... | --all
  which-tool corrections reject <id>...
  which-tool corrections export [--accepted] > corrections.jsonl`;

/** Who decided, as the record keeps it: the shell user of the owner at the keyboard. */
function cliUser(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

const json = (c: CorrectionRecord): Record<string, unknown> => ({
  id: c.id, at: c.at.toISOString(), status: c.status, flagged: c.flagged, text: c.text,
  answered: c.answered, chosen: c.chosen, surface: c.surface, workspace: c.workspace, userKey: c.userKey,
  catalogVersion: c.catalogVersion, modelVersion: c.modelVersion, decidedBy: c.decidedBy, decidedAt: c.decidedAt?.toISOString() ?? null,
});

function line(c: CorrectionRecord): string {
  const answered = `${c.answered.category ?? 'nothing fits'}${c.answered.industry ? ` (${c.answered.industry})` : ''}`;
  const chosen = `${c.chosen.category}${c.chosen.industry ? ` (${c.chosen.industry})` : ''}`;
  const text = c.text === null ? '(text not kept)' : JSON.stringify(c.text.length > 100 ? `${c.text.slice(0, 99)}…` : c.text);
  return `${c.id}  ${c.status.padEnd(8)}  ${c.at.toISOString().slice(0, 16).replace('T', ' ')}  ${c.surface}  answered ${answered} → needed ${chosen}${c.flagged ? '  FLAGGED' : ''}  ${text}`;
}

async function list(service: CorrectionService, args: readonly string[], io: CorrectionsIo): Promise<number> {
  const { flags, rest } = parseFlags(args, ['--status'], ['--json']);
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const status = flags.get('--status');
  if (status !== undefined && !CORRECTION_STATUSES.includes(status as CorrectionStatus)) throw new UsageError('--status must be pending, accepted or rejected');
  const found = await service.list(status as CorrectionStatus | undefined);
  if (flags.has('--json')) io.out(JSON.stringify(found.map(json)));
  else if (!found.length) io.out(status ? `No ${status} corrections.` : 'No corrections.');
  else for (const c of found) io.out(line(c));
  return 0;
}

function report(verb: string, result: Decided, config: Config, io: CorrectionsIo): number {
  const { decided, unknown, skippedFlagged } = result;
  if (decided.length) io.out(`${verb} ${decided.length}: ${decided.map((c) => c.id).join(', ')}.`);
  else if (!unknown.length) io.out(`Nothing to ${verb.toLowerCase().replace(/ed$/, '')}.`);
  const mute = decided.filter((c) => !teachable(c));
  if (mute.length) io.out(`${mute.map((c) => c.id).join(', ')}: no request text kept, so ${mute.length === 1 ? 'it teaches' : 'they teach'} nothing.`);
  if (skippedFlagged.length)
    io.out(`Left ${skippedFlagged.length} flagged (sent in a flood by one person); accept them by id after a look: ${skippedFlagged.map((c) => c.id).join(' ')}`);
  if (decided.length) {
    const when = config.corrections.learnSeconds ? `within ${config.corrections.learnSeconds} s` : 'after a restart (WHICH_TOOL_LEARN_SECONDS=0)';
    io.out(`which-tool ask answers with this at once; a running server ${when}.`);
  }
  for (const id of unknown) io.err(`which-tool: corrections: no correction with id "${id.slice(0, 80)}" (see corrections list)`);
  return unknown.length ? 1 : 0;
}

async function decide(service: CorrectionService, config: Config, command: 'accept' | 'reject', args: readonly string[], io: CorrectionsIo): Promise<number> {
  const { flags, rest } = parseFlags(args, [], command === 'accept' ? ['--all'] : []);
  if (flags.has('--all')) {
    if (rest.length) throw new UsageError('accept takes ids or --all, not both');
    return report('Accepted', await service.acceptAll(cliUser()), config, io);
  }
  if (!rest.length) throw new UsageError(`${command} takes one or more correction ids (see corrections list)${command === 'accept' ? ', or --all' : ''}`);
  return command === 'accept' ? report('Accepted', await service.accept(rest, cliUser()), config, io) : report('Rejected', await service.reject(rest, cliUser()), config, io);
}

/** Corpus lines (data/examples format), checked by the corpus schema before they are written. */
async function exportLines(service: CorrectionService, catalog: Catalog, args: readonly string[], io: CorrectionsIo): Promise<number> {
  const { flags, rest } = parseFlags(args, [], ['--accepted']);
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const chosen = flags.has('--accepted') ? await service.list('accepted') : (await service.list()).filter((c) => c.status !== 'rejected');
  const shipped = new Recommender(catalog);
  const lines = chosen.filter(teachable).flatMap((c) => correctionExample(toTeaching(c), shipped) ?? []).map((e) => JSON.stringify(e));
  const text = lines.join('\n');
  parseCorpusText('corrections export', text);
  if (lines.length) io.out(text);
  const skipped = chosen.length - lines.length;
  io.err(`which-tool: exported ${lines.length} correction(s)${skipped ? `; ${skipped} without request text left out` : ''}`);
  return 0;
}

export async function runCorrectionsCommand(args: string[], io: CorrectionsIo, options: CorrectionsCliOptions = {}): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'help' || command === '--help') {
    io.out(USAGE);
    return 0;
  }
  if (!command || !['list', 'accept', 'reject', 'export'].includes(command)) {
    io.err(command ? `which-tool: unknown corrections command "${command.slice(0, 40)}"\n${USAGE}` : USAGE);
    return 2;
  }
  const config = loadConfig(options.env ?? process.env);
  // The configured store: the SQLite file, or Postgres with DATABASE_URL.
  const store = await openStore(config, silentLogger());
  try {
    // Only export needs the catalog (and its model): list and decisions start faster without it.
    let catalog: Catalog | undefined;
    const loaded = (): Catalog => (catalog ??= loadCatalog(config.dataDir));
    const service = new CorrectionService(store.corrections, { get categories() { return loaded().categories; } }, { keepText: config.storeText, perHour: config.corrections.perHour, owners: config.owners });
    if (command === 'list') return await list(service, rest, io);
    if (command === 'accept' || command === 'reject') return await decide(service, config, command, rest, io);
    return await exportLines(service, loaded(), rest, io);
  } catch (err) {
    if (err instanceof StoreUnavailableError) {
      io.err(`which-tool: corrections ${command}: ${err.message}`);
      return 1;
    }
    if (!(err instanceof UsageError)) throw err;
    io.err(`which-tool: corrections ${command}: ${err.message}\n${USAGE}`);
    return 2;
  } finally {
    await store.close();
  }
}
