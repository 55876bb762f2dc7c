// `npm run bench`: runs each area's section and prints one table. A benchmark, not a test:
// it reports figures against targets and exits 0 unless a section fails to run.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow, BenchSection } from './types.js';

const SECTIONS = ['core', 'model', 'slack', 'teams', 'digest', 'load'];
const here = dirname(fileURLToPath(import.meta.url));

function print(rows: readonly BenchRow[]): void {
  const head = ['section', 'metric', 'value', 'target', 'met'];
  const cells = rows.map((r) => [r.section, r.metric, r.value, r.target, r.met === null ? '' : r.met ? 'yes' : 'NO']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]): string => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
let failed = false;
for (const name of SECTIONS) {
  if (only.length && !only.includes(name)) continue;
  const file = join(here, `${name}.js`);
  if (!existsSync(file)) continue;
  const mod = (await import(file)) as { run: BenchSection };
  try {
    process.stderr.write(`bench: ${name}…\n`);
    rows.push(...(await mod.run()));
  } catch (err) {
    failed = true;
    rows.push({ section: name, metric: 'section failed', value: (err as Error).message.slice(0, 120), target: '', met: false });
  }
}
print(rows);
process.exitCode = failed ? 1 : 0;
