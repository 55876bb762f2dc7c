// `npm run build` for the bare Docker replay, without compiling the same sources twice: when the
// stage holds exactly this repository's build inputs (package.json, tsconfig.json, the build's
// scripts/bin-executable.mjs and every file under src/ and data/, byte for byte) and the repository's own dist/ was built from them (newer
// than all of them, as `npm test` builds just before the tests), the compiler would write the
// same files: they are hard-linked instead. Anything different, or a stale dist/, and the build
// runs for real. Only the outputs of the stage's own sources are taken: not dist/bench (not the
// image's), and not what tsc left behind for a source since deleted (a fresh build has none).
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './dockerfile.js';

const INPUT_DIRS = ['src', 'data'];
// The build script's own helper too: a stage without it cannot build, so it is never reused.
const INPUT_FILES = ['package.json', 'tsconfig.json', 'scripts/bin-executable.mjs'];

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/** What tsc writes for one source under src/ (sourceMap on, declaration off: see tsconfig.json). */
const outputsOf = (source: string): string[] => {
  const js = join('dist', source.replace(/\.ts$/, '.js'));
  return [js, `${js}.map`];
};

/** Links the repository's build into `workdir` when it is the build of exactly these inputs; false otherwise. */
export function reuseBuild(workdir: string): boolean {
  const inputs = [...INPUT_FILES, ...INPUT_DIRS.flatMap((d) => files(join(repoRoot, d)).map((f) => relative(repoRoot, f)))];
  const staged = [...INPUT_FILES.filter((f) => existsSync(join(workdir, f))), ...INPUT_DIRS.flatMap((d) => files(join(workdir, d)).map((f) => relative(workdir, f)))];
  if (staged.length !== inputs.length || staged.some((f, i) => f !== inputs[i])) return false;
  if (!inputs.every((f) => readFileSync(join(workdir, f)).equals(readFileSync(join(repoRoot, f))))) return false;
  const outputs = inputs.filter((f) => f.startsWith('src/') && f.endsWith('.ts')).flatMap(outputsOf);
  if (!outputs.every((f) => existsSync(join(repoRoot, f)))) return false;
  const newestInput = Math.max(...inputs.map((f) => statSync(join(repoRoot, f)).mtimeMs));
  const oldestOutput = Math.min(...outputs.map((f) => statSync(join(repoRoot, f)).mtimeMs));
  if (oldestOutput < newestInput) return false;
  for (const f of outputs) {
    mkdirSync(join(workdir, f, '..'), { recursive: true });
    linkSync(join(repoRoot, f), join(workdir, f));
  }
  return true;
}
