// tsc writes every file 0644, so on a fresh clone `npx which-tool` would find the package's bin
// and fail with "Permission denied". Runs after every build: marks each `bin` entry executable.
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8'));
const bins = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {});
for (const bin of bins) {
  const file = resolve(bin);
  if (!existsSync(file)) {
    console.error(`bin-executable: ${bin} was not built (is it in tsconfig.json's include?)`);
    process.exit(1);
  }
  chmodSync(file, statSync(file).mode | 0o111);
}
