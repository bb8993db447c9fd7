// `npm test`: the whole suite, as CI runs it (.ci/run). Installs what it needs,
// type-checks and lints, then runs unit tests and integration tests against a real Kafka
// and a real Elasticsearch that the test setup starts (and stops) itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium, ensureDeps, ensurePdfTools, repoRoot, run } from './ensure-deps.mjs';

ensureDeps();
const started = Date.now();
ensureChromium();
ensurePdfTools();
const steps = [];
const timed = (name, fn) => {
  const t = Date.now();
  const r = fn();
  steps.push(`${name} ${Math.round((Date.now() - t) / 1000)} s`);
  return r;
};
if (timed('typecheck', () => run('npm', ['run', '--silent', 'typecheck'])) !== 0) {
  console.error('type check failed');
  process.exit(1);
}
// Cached in node_modules/.cache/eslint: a second run lints only the files that changed.
if (timed('lint', () => run('npm', ['run', '--silent', 'lint'])) !== 0) {
  console.error('lint failed (npm run lint; the rules and the package boundaries are in eslint.config.mjs)');
  process.exit(1);
}
if (timed('build', () => run('npm', ['run', '--silent', 'build'])) !== 0) process.exit(1);

const report = path.join(repoRoot, 'test', 'artifacts', 'vitest-report.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
// The durations reporter prints where the time went, per file (import, hooks, tests), after the results.
const failuresFile = path.join(repoRoot, 'test', 'artifacts', 'failures.txt');
fs.rmSync(failuresFile, { force: true });
const code = timed('vitest', () => run('npx', ['vitest', 'run', '--reporter=default', '--reporter=./test/support/durations-reporter.ts', '--reporter=./test/support/failures-reporter.ts', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]));

let summary = 'no report';
try {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped; ${r.numFailedTestSuites} of ${r.numTotalTestSuites} files or describe blocks failed`;
} catch {
  /* vitest failed before writing its report; its exit code says so */
}
// Last, because a CI log is often read from its tail only: what failed (test/support/failures-reporter.ts).
const failures = fs.existsSync(failuresFile) ? fs.readFileSync(failuresFile, 'utf8').trim() : '';
if (failures) console.log(`\n${failures}`);
else if (code !== 0) console.log(`\nvitest exited with ${code} and named no failure (see the log above; it may have stopped before its reporters ran)`);
console.log(`\ntotal time ${Math.round((Date.now() - started) / 1000)} s (${steps.join(', ')}; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
console.log(summary);
process.exit(code);

