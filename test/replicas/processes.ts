// Real processes for the replica tests: built servers (`npm start`'s script) and `which-tool`
// commands, each with its own environment, all on one real Postgres database.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../ship/server-process.js';
import { CLI, ROOT } from '../digest/built-cli.js';

export const SERVER = join(ROOT, 'dist', 'src', 'server', 'main.js');

/** What every replica gets: loopback only, any free port, logs at info on stdout. */
export const replicaEnv = (databaseUrl: string, more: Record<string, string> = {}): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '/tmp',
  PORT: '0',
  HOST: '127.0.0.1',
  DATABASE_URL: databaseUrl,
  ...more,
});

export function startReplica(env: Record<string, string>): Promise<ServerProcess> {
  return startServerProcess(SERVER, ROOT, env);
}

/** Starts `n` at once; if one does not come up, stops the others before failing (no orphans). */
export async function startReplicas(n: number, env: Record<string, string>): Promise<ServerProcess[]> {
  const started = await Promise.allSettled(Array.from({ length: n }, () => startReplica(env)));
  const up = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (!failed) return up;
  await Promise.all(up.map(stopReplica));
  throw failed.reason;
}

export async function stopReplica(r: ServerProcess): Promise<void> {
  r.child.kill('SIGTERM');
  await r.exited;
}

export interface CliRun {
  readonly child: ChildProcess;
  readonly done: Promise<{ code: number | null; signal: string | null; out: string }>;
}

export function whichTool(args: string[], env: Record<string, string>): CliRun {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c));
  child.stderr.on('data', (c: Buffer) => (out += c));
  return { child, done: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out }))) };
}

/** Polls until `check` holds or the time is up (then fails with what it last saw). */
export async function waitFor<T>(what: string, read: () => Promise<T> | T, check: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await read();
    if (check(last)) return last;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
