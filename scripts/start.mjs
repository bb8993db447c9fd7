// `npm start`: install, build, then run every app on the embedded Kafka + Elasticsearch.
//
// Ctrl-C reaches every process of the terminal's foreground group at once: npm, this script and
// the cli. The cli stops what it started (the apps, then Elasticsearch and Kafka if it started
// them) and exits; this script waits for that instead of dying first, so npm (and the prompt)
// come back only when everything is down. VIGIL_START_NO_BUILD=1 skips install and build (the
// Ctrl-C test runs the same process tree on a tree built by `npm test`).
import { spawn } from 'node:child_process';
import { ensureDeps, repoRoot, run } from './ensure-deps.mjs';

if (process.env.VIGIL_START_NO_BUILD !== '1') {
  ensureDeps();
  if (run('npm', ['run', '--silent', 'build']) !== 0) process.exit(1);
}
const child = spawn(process.execPath, ['dist/apps/cli/src/main.js', 'start', ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  // A signal sent to this script alone (not the whole group) is passed on; the cli decides.
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
