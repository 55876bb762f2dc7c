// `npm run build` for the bare Docker replay, without compiling the same sources twice: when the
// stage holds exactly this repository's build inputs (package.json, tsconfig.json and every file
// under src/ and data/, byte for byte) and the repository's own dist/ was built from them (newer
// than all of them, as `npm test` builds just before the tests), the compiler would write the
// same files: they are hard-linked instead. Anything different, or a stale dist/, and the build
// runs for real. Only the output of folders the stage has is taken (dist/bench is not the image's).
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './dockerfile.js';

const INPUT_DIRS = ['src', 'data'];
const INPUT_FILES = ['package.json', 'tsconfig.json'];

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

function linkTree(from: string, to: string): void {
  for (const f of files(from)) {
    const target = join(to, relative(from, f));
    mkdirSync(join(target, '..'), { recursive: true });
    linkSync(f, target);
  }
}

/** Links the repository's build into `workdir` when it is the build of exactly these inputs; false otherwise. */
export function reuseBuild(workdir: string): boolean {
  const inputs = [...INPUT_FILES, ...INPUT_DIRS.flatMap((d) => files(join(repoRoot, d)).map((f) => relative(repoRoot, f)))];
  const staged = [...INPUT_FILES.filter((f) => existsSync(join(workdir, f))), ...INPUT_DIRS.flatMap((d) => files(join(workdir, d)).map((f) => relative(workdir, f)))];
  if (staged.length !== inputs.length || staged.some((f, i) => f !== inputs[i])) return false;
  if (!inputs.every((f) => readFileSync(join(workdir, f)).equals(readFileSync(join(repoRoot, f))))) return false;
  const built = join(repoRoot, 'dist', 'src', 'server', 'main.js');
  if (!existsSync(built)) return false;
  const newestInput = Math.max(...inputs.map((f) => statSync(join(repoRoot, f)).mtimeMs));
  const oldestOutput = Math.min(...files(join(repoRoot, 'dist', 'src')).map((f) => statSync(f).mtimeMs));
  if (oldestOutput < newestInput) return false;
  for (const dir of readdirSync(join(repoRoot, 'dist'))) if (existsSync(join(workdir, dir))) linkTree(join(repoRoot, 'dist', dir), join(workdir, 'dist', dir));
  return true;
}
