// `npm test`'s first step: the build with the type-check of the tests, and the lint, at once:
// each is one process on one core and they need nothing from each other. The build is one tsc
// over sources and tests (the tests' .js land in dist/test, unused), so the sources are checked
// once, not twice. Each one's output is printed whole when it ends (never interleaved); any
// failure fails the step.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const steps = ['build:checked', 'lint'];

function run(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ script, code, out, s: ((Date.now() - started) / 1000).toFixed(1) }));
  });
}

let failed = false;
for (const r of await Promise.all(steps.map(run))) {
  process.stdout.write(`${r.code === 0 ? 'ok' : 'FAILED'}: npm run ${r.script} (${r.s} s)\n${r.out}`);
  if (r.code !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
