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
const code = timed('vitest', () => run('npx', ['vitest', 'run', '--reporter=default', '--reporter=./test/support/durations-reporter.ts', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]));

let summary = 'no report';
let failures = [];
try {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
  failures = failedTests(r);
} catch {
  /* vitest failed before writing its report; its exit code says so */
}
// Last, because a CI log is often read from its tail only: which tests failed, and the first lines of why.
for (const f of failures) console.log(f);
console.log(`\ntotal time ${Math.round((Date.now() - started) / 1000)} s (${steps.join(', ')}; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
console.log(summary);
process.exit(code);

/** One block per failed test (or per file that failed outside its tests, e.g. in a hook): file, name, first lines of the message. */
function failedTests(r) {
  const out = [];
  const firstLines = (m) => String(m ?? '').split('\n').filter((l) => l.trim()).slice(0, 4).map((l) => `    ${l.slice(0, 300)}`).join('\n');
  for (const file of r.testResults ?? []) {
    const rel = path.relative(repoRoot, file.name ?? '');
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed) out.push(`FAILED ${rel} > ${a.fullName ?? a.title}\n${firstLines((a.failureMessages ?? [])[0])}`);
    if (!failed.length && file.status === 'failed') out.push(`FAILED ${rel} (outside its tests)\n${firstLines(file.message)}`);
  }
  return out;
}
