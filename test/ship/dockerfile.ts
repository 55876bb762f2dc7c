// A small reader for the project's Dockerfile: stages, their instructions, ARG defaults
// substituted. Enough to check its structure and to replay its steps without Docker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

export interface Stage {
  readonly name: string;
  readonly image: string;
  readonly steps: Instruction[];
}

export const repoRoot = join(import.meta.dirname, '..', '..');

export function readDockerfile(): string {
  return readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
}

export function instructions(text: string): Instruction[] {
  const logical: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) pending += `${line.slice(0, -1)} `;
    else {
      logical.push(pending + line);
      pending = '';
    }
  }
  return logical.map((l) => {
    const m = /^(\S+)\s*(.*)$/.exec(l)!;
    return { keyword: m[1]!.toUpperCase(), args: m[2]!.trim() };
  });
}

export function stages(text: string): Stage[] {
  const args = new Map<string, string>();
  const out: Stage[] = [];
  const substitute = (s: string): string => s.replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, a, b) => args.get(a ?? b) ?? '');
  for (const ins of instructions(text)) {
    if (ins.keyword === 'ARG' && out.length === 0) {
      const [name, value] = ins.args.split('=');
      args.set(name!, value ?? '');
    } else if (ins.keyword === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args)!;
      out.push({ image: substitute(m[1]!), name: m[2] ?? String(out.length), steps: [] });
    } else out.at(-1)?.steps.push(ins);
  }
  return out;
}

/** `ENV A=1 B="x y"` as pairs (the only form this Dockerfile uses). */
export function envPairs(args: string): [string, string][] {
  return [...args.matchAll(/(\w+)=("([^"]*)"|\S+)/g)].map((m) => [m[1]!, m[3] ?? m[2]!]);
}

/** The JSON array of an exec-form CMD or HEALTHCHECK ... CMD. */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf('['));
  return JSON.parse(json) as string[];
}
