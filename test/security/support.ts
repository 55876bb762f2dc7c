// Shared by the security review's tests: the built server and command line as real processes,
// each with its own database, and a stand-in for an attacker's host that records what reaches it.
// Everything listens and connects on 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { CLI, ROOT } from '../digest/built-cli.js';
import { startServerProcess, type ServerProcess } from '../ship/server-process.js';

export const MAIN = join(ROOT, 'dist', 'src', 'server', 'main.js');

/** A folder for this test file's databases, removed afterwards. */
export function scratch(): () => string {
  const dir = mkdtempSync(join(tmpdir(), 'which-tool-review-'));
  let n = 0;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => join(dir, `db-${++n}`, 'which-tool.db');
}

export const baseEnv = (db: string): Record<string, string> => ({ PATH: process.env.PATH ?? '', PORT: '0', WHICH_TOOL_DB: db, WHICH_TOOL_SCHEDULER: 'off' });

export async function serve(env: Record<string, string>): Promise<ServerProcess & { stop(): Promise<number | string> }> {
  const server = await startServerProcess(MAIN, ROOT, env);
  return Object.assign(server, {
    stop: async () => {
      if (server.child.exitCode === null) server.child.kill('SIGTERM');
      return server.exited;
    },
  });
}

/**
 * Runs `node main.js` until it exits, or is killed once it says it is listening (or after `ms`):
 * the exit code (null when it had to be killed, i.e. it started) and its output.
 */
export function runBriefly(env: Record<string, string>, ms = 15_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const read = (d: Buffer): void => {
      out += d.toString();
      if (out.includes('is listening')) child.kill('SIGKILL');
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

/** Runs the command line to completion. */
export function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => void (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => void (err += d.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

export interface Hit {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

/** An attacker's host: answers 200 to anything and records every request that reaches it. */
export async function attacker(): Promise<{ url: string; hits: Hit[]; close(): Promise<void> }> {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    hits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"stolen"}'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** JSON log records in a process's output (the start-up guide for people is plain text). */
export const records = (output: string): Record<string, unknown>[] =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
