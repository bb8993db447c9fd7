import 'reflect-metadata';
import { Command } from 'commander';
import { runStart } from './start/start.command';

const program = new Command();
program.name('vigil').description('Vigil: real-time reputation and crisis monitoring').version('0.1.0');

program
  .command('start')
  .description('start Kafka, Elasticsearch (unless configured), the demo feeds and every app in one process')
  .option('--keep-services', 'leave Kafka and Elasticsearch running after Ctrl-C')
  .option('--secure', 'the embedded servers with TLS and passwords (as `npm run services -- start --secure`; a folder started so stays secured until `services reset`)')
  .action((o: { keepServices?: boolean; secure?: boolean }) => runStart({ stopServicesOnExit: !o.keepServices, secure: o.secure }));

program
  .command('services')
  .description('manage the embedded Kafka and Elasticsearch: start | stop | status | reset | fetch')
  .argument('<action>')
  .action(async (action: string) => {
    const { spawnSync } = await import('node:child_process');
    const { repoRoot } = await import('./repo-root');
    const r = spawnSync(process.execPath, [`${repoRoot()}/scripts/services.mjs`, action], { stdio: 'inherit' });
    process.exitCode = r.status ?? 1;
  });

program
  .command('analyze')
  .description('analyse a JSONL or CSV file of posts offline; writes enriched JSONL (bad rows are reported by line and skipped)')
  .argument('<file>', 'posts as .jsonl or .csv')
  .option('-o, --output <file>', 'write here instead of stdout')
  .option('--format <format>', 'jsonl or csv (default: from the file name)')
  .option('--text-field <name>', 'the column or key holding the text')
  .option('--watch <file>', 'a watch file (YAML/JSON, one watch or watches: [...]): rows get the watches they match and the watches\' categories')
  .action(async (file: string, o: { output?: string; format?: 'jsonl' | 'csv'; textField?: string; watch?: string }) => {
    const { runAnalyze } = await import('./analyze/run-analyze');
    const r = await runAnalyze({ input: file, output: o.output, format: o.format, textField: o.textField, watchFile: o.watch });
    process.exitCode = r.ok === 0 && r.bad > 0 ? 1 : 0;
  });

program
  .command('train')
  .description("fold analysts' corrections into this deployment's sentiment, emotion and category models; each kept only if not worse on its held-out set")
  .argument('<corrections>', 'every correction to learn from, as JSONL (one AnalysisCorrection per line; bad lines are reported and skipped): the update is built from the shipped models, as the background job builds it')
  .option('--data <dir>', 'reference data with the held-out sets (default: VIGIL_DATA_DIR or ../shared/data)')
  .option('--models <dir>', 'the deployment model directory (default: ANALYSIS_MODEL_DIR or $VIGIL_HOME/models)')
  .option('--dry-run', 'train and check, write nothing')
  .action(async (file: string, o: { data?: string; models?: string; dryRun?: boolean }) => {
    const { runTrain } = await import('./train/run-train');
    process.exitCode = runTrain({ corrections: file, ...o });
  });

const plan = program.command('plan').description('the contingency plan');
plan
  .command('validate')
  .description('check a plan file; every error names its line and field')
  .argument('<file>')
  .action(async (file: string) => {
    const { runPlanValidate } = await import('./plan/plan-validate');
    process.exitCode = await runPlanValidate(file);
  });

program
  .command('replay')
  .description('push historical posts through the real pipeline with their own times and print what was found (labelled files are scored)')
  .argument('<file>', 'posts as .jsonl or .csv (text, time, author, channel; optional incident label)')
  .option('--speed <speed>', '"max", or a factor such as 60x (an hour of history per minute)', 'max')
  .option('--keep', "keep the replay's topics and indices afterwards")
  .option('--json <file>', 'also write the full result (signals, clusters, tickets, scores) as JSON')
  .option('--watch <file>', 'a watch file (YAML/JSON): the replay tags posts with these watches (per-watch baselines), not the stored ones')
  .action(async (file: string, o: { speed: string; keep?: boolean; json?: string; watch?: string }) => {
    const { runReplayCommand } = await import('./replay/replay.command');
    process.exitCode = await runReplayCommand(file, o);
  });

program
  .command('report')
  .description('make a report now (archived like the scheduled ones) and write its HTML and PDF')
  .argument('<kind>', 'daily, weekly or monthly')
  .option('--watch <id>', 'one watch (default: all of them together)')
  .option('--from <date>', 'first local day, YYYY-MM-DD (default: the latest period due)')
  .option('--to <date>', 'last local day, inclusive')
  .option('--lang <lang>', 'zh-CN or en (default: the plan’s first report language)')
  .option('--out <dir>', 'write <id>.html and <id>.pdf here')
  .option('--deliver', 'also send it to the plan’s roles (e-mail, webhooks)')
  .action(async (kind: string, o: { watch?: string; from?: string; to?: string; lang?: string; out?: string; deliver?: boolean }) => {
    const { runReport } = await import('./report/report.command');
    process.exitCode = await runReport(kind, o);
  });

const users = program.command('users').description('manage dashboard and API users (every change is in the audit log)');
users
  .command('add')
  .description('add a user (password from VIGIL_USER_PASSWORD, or generated and printed once)')
  .argument('<name>')
  .requiredOption('--role <role>', 'viewer, analyst, responder or admin')
  .action(async (name: string, o: { role: string }) => {
    const { runUsersAdd } = await import('./users/users-add.command');
    process.exitCode = await runUsersAdd(name, o);
  });
users
  .command('list')
  .description('users, roles, enabled or disabled')
  .action(async () => {
    const { runUsersList } = await import('./users/users-admin.command');
    process.exitCode = await runUsersList();
  });
for (const [command, disabled, what] of [['disable', true, 'disable a user: their tokens and sessions stop working within a minute'], ['enable', false, 'enable a disabled user again']] as const) {
  users
    .command(command)
    .description(what)
    .argument('<name>')
    .action(async (name: string) => {
      const { runUsersSetDisabled } = await import('./users/users-admin.command');
      process.exitCode = await runUsersSetDisabled(name, disabled);
    });
}
users
  .command('role')
  .description("change a user's role (their tokens and sessions end)")
  .argument('<name>')
  .argument('<role>', 'viewer, analyst, responder or admin')
  .action(async (name: string, role: string) => {
    const { runUsersSetRole } = await import('./users/users-admin.command');
    process.exitCode = await runUsersSetRole(name, role);
  });
users
  .command('delete')
  .description('delete a user (the last admin stays)')
  .argument('<name>')
  .action(async (name: string) => {
    const { runUsersDelete } = await import('./users/users-admin.command');
    process.exitCode = await runUsersDelete(name);
  });

const keys = program.command('api-keys').description("machines' API keys (sent as X-API-Key)");
keys
  .command('list')
  .description('keys (never the keys themselves): id, name, role, revoked')
  .action(async () => {
    const { runKeysList } = await import('./users/api-keys.command');
    process.exitCode = await runKeysList();
  });
keys
  .command('create')
  .description('create a key; it is printed once')
  .argument('<name>')
  .requiredOption('--role <role>', 'viewer, analyst, responder or admin')
  .action(async (name: string, o: { role: string }) => {
    const { runKeysCreate } = await import('./users/api-keys.command');
    process.exitCode = await runKeysCreate(name, o.role);
  });
keys
  .command('revoke')
  .description('revoke a key by the id `list` shows (its start is enough); it fails from its next request')
  .argument('<id>')
  .action(async (id: string) => {
    const { runKeysRevoke } = await import('./users/api-keys.command');
    process.exitCode = await runKeysRevoke(id);
  });

program
  .command('audit')
  .description('the audit log: sign-ins and admin actions, newest first')
  .option('--limit <n>', 'entries (1–100)', '50')
  .option('--kind <kinds>', 'comma-separated kinds, e.g. sign_in_failed,user_disabled')
  .action(async (o: { limit?: string; kind?: string }) => {
    const { runAudit } = await import('./users/audit.command');
    process.exitCode = await runAudit(o);
  });

program.parseAsync(process.argv).catch((e: Error) => {
  process.stderr.write(`vigil: ${e.message}\n`);
  process.exit(1);
});
