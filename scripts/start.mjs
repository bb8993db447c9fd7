// `npm start`: install, build, then run every app on the embedded Kafka + Elasticsearch.
import { ensureDeps, run } from './ensure-deps.mjs';

ensureDeps();
if (run('npm', ['run', '--silent', 'build']) !== 0) process.exit(1);
const code = run(process.execPath, ['dist/apps/cli/src/main.js', 'start', ...process.argv.slice(2)]);
process.exit(code);
