import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { createLogger, PinoNestLogger, withoutUserinfo } from '@vigil/common';
import { configureHttpApp, loadApiConfig } from '@vigil/api';
import { createIntakeKey } from '@vigil/collector';
import { startDemoFeedServer } from '../demo/demo-feed-server';
import { repoRoot } from '../repo-root';
import { AllInOneModule } from './all-in-one.module';
import { localDataKeys } from './local-data-keys';
import { seedDemoWatches } from './seed-demo-watches';
import { seedDemoKnowledge } from './seed-demo-knowledge';
import { loadResponderConfig } from '@vigil/responder';

export interface ServicesStarted {
  kafkaBrokers: string;
  elasticsearchUrl: string;
  started: string[];
  /** Every setting the apps need for these servers: the addresses, and for a --secure state folder its CA files and users. */
  env: Record<string, string>;
}

interface ServicesScript {
  ensureServices(): Promise<ServicesStarted>;
  stopServices(names?: string[]): Promise<void>;
  paths: { cacheDir: string; homeDir: string };
}

export async function loadServicesScript(): Promise<ServicesScript> {
  // tsc (CommonJS output) would turn `import()` into `require()`, which cannot load ESM.
  const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<unknown>;
  return (await importEsm(pathToFileURL(path.join(repoRoot(), 'scripts', 'services.mjs')).href)) as ServicesScript;
}

/**
 * `vigil start`: Kafka and Elasticsearch (unless KAFKA_BROKERS / ELASTICSEARCH_URL
 * point elsewhere), the demo feed server when no sources file is given, and every
 * app in this process. Ctrl-C stops all of it, servers included.
 */
export async function runStart(opts: { stopServicesOnExit: boolean; secure?: boolean }): Promise<void> {
  // Read by the services script when it loads: the state folder's servers with TLS and passwords.
  if (opts.secure) process.env.VIGIL_SECURE = 'true';
  const services = await loadServicesScript();
  // A person at a terminal reads lines, not JSON; every JSON line still goes to the state
  // folder (outside git). A deployment that runs the apps itself keeps JSON on stdout.
  process.env.LOG_FORMAT ??= 'pretty';
  process.env.LOG_FILE ??= path.join(services.paths.homeDir, 'logs', 'vigil.log');
  const logger = createLogger('vigil');
  logger.info(`starting; every log line as JSON in ${process.env.LOG_FILE}`);
  // The apps' own failures are logged; none of them may take the others (and the servers) down.
  process.on('unhandledRejection', (e) => logger.error({ err: (e as Error)?.message ?? String(e) }, 'unhandled rejection'));
  const ready = services.ensureServices();
  // From here on, whatever happens (a Ctrl-C while a server is still starting included), the
  // servers this run started are stopped again, and only those: ones already running stay.
  const stopper = new StartStopper(logger, async () => {
    const s = await ready.catch(() => undefined);
    if (opts.stopServicesOnExit && s?.started.length) await services.stopServices(s.started);
  });
  stopper.listen();
  try {
    const s = await ready;
    useServices(s, process.env);
    await startApps(s.kafkaBrokers, s.elasticsearchUrl, stopper, logger);
  } catch (e) {
    logger.error({ err: (e as Error).message }, 'start failed; stopping what was started');
    await stopper.stop('start failed', 1);
  }
}

/**
 * Points the apps at the servers `ensureServices` gave: their addresses and, for a secured state
 * folder, the CA files and users its servers require (without them every app was refused at start).
 */
export function useServices(s: ServicesStarted, env: NodeJS.ProcessEnv): void {
  Object.assign(env, { KAFKA_BROKERS: s.kafkaBrokers, ELASTICSEARCH_URL: s.elasticsearchUrl }, s.env);
}

async function startApps(kafkaBrokers: string, elasticsearchUrl: string, stopper: StartStopper, logger: ReturnType<typeof createLogger>): Promise<void> {

  if (!process.env.VIGIL_DATA_KEYS) {
    const local = localDataKeys();
    process.env.VIGIL_DATA_KEYS = local.keys;
    logger.info({ file: local.file, created: local.created }, 'complainants\' contacts are sealed with the local data key (set VIGIL_DATA_KEYS to use your own)');
  }

  let demo: { url: string; close: () => Promise<void> } | undefined;
  if (!process.env.SOURCES_FILE) {
    const root = repoRoot();
    // A key made for this run only, so the demo can push its intake posts (form, app, email, hotline).
    const intakeKey = createIntakeKey('demo');
    process.env.INTAKE_API_KEYS = [process.env.INTAKE_API_KEYS, intakeKey.entry].filter(Boolean).join(',');
    const apiAt = loadApiConfig();
    const demoLogger = createLogger('demo');
    demo = await startDemoFeedServer({
      dir: path.join(root, 'demo', 'feeds'),
      scenarioFile: path.join(root, 'demo', 'scenario.jsonl'),
      port: Number(process.env.VIGIL_DEMO_PORT ?? 18090),
      intake: { url: `http://${apiAt.API_HOST}:${apiAt.API_PORT}`, key: intakeKey.key },
      onError: (e) => logger.warn({ err: e.message }, 'demo intake post refused'),
      onProgress: (line) => demoLogger.info(line),
    });
    process.env.SOURCES_FILE = path.join(root, 'demo', 'sources.yaml');
    process.env.ANALYSIS_USER_DICT ??= path.join(root, 'demo', 'products.txt');
    // The default plan's webhook URLs are placeholders (REPLACE_ME): the demo pages nobody.
    process.env.WEBHOOKS_ENABLED ??= 'false';
    // Only the demo's own feed server (that host and port, nothing else on 127.0.0.1) is allowed past the private-address guard.
    process.env.COLLECTOR_ALLOW_HOSTS = [process.env.COLLECTOR_ALLOW_HOSTS, `127.0.0.1:${new URL(demo.url).port}`].filter(Boolean).join(',');
  }

  const api = loadApiConfig();
  // Reports link to this dashboard.
  process.env.REPORT_LINK_BASE ??= `http://${api.API_HOST}:${api.API_PORT}`;
  const demoServer = demo;
  if (demoServer) stopper.add(() => demoServer.close());
  if (demo) {
    const seeded = await seedDemoWatches(api, path.join(repoRoot(), 'demo', 'watches.yaml'));
    if (seeded.length) logger.info({ watches: seeded }, 'demo watches created (edit them under Watches in the dashboard)');
    const knowledge = await seedDemoKnowledge(api, path.join(repoRoot(), 'demo', 'knowledge.yaml'), loadResponderConfig().PLAN_FILE);
    if (knowledge.length) logger.info({ entries: knowledge.length }, 'demo knowledge base created (remedies and replies; manage them under Knowledge in the dashboard)');
  }
  const app = await NestFactory.create(AllInOneModule.forRoot(), { logger: new PinoNestLogger(logger) });
  // Not Nest's shutdown hooks: they re-raise the signal and end the process while the servers are still stopping.
  configureHttpApp(app, { shutdownHooks: false });
  stopper.add(() => app.close(), 'the apps');
  await app.listen(api.API_PORT, api.API_HOST);
  const base = `http://${api.API_HOST}:${api.API_PORT}`;
  process.stdout.write(
    [
      '',
      'Vigil is running.',
      `  Dashboard:      ${base}/  (user "admin"; the first start prints its password above, or set VIGIL_ADMIN_PASSWORD)`,
      `  API:            ${base}/api/mentions/search?q=退款  (needs a token: POST /api/auth/login)`,
      `  API docs:       ${base}/api/docs`,
      `  Health:         ${base}/health`,
      demo ? `  Demo feeds:     ${demo.url}/scenario/weibo.rss (a scripted storm unfolds over ~2 min: RSS, App Store, Mastodon, intake)` : '',
      `  Kafka:          ${kafkaBrokers}`,
      `  Elasticsearch:  ${withoutUserinfo(elasticsearchUrl)}`,
      process.env.LOG_FILE ? `  Logs (JSON):    ${process.env.LOG_FILE}` : '',
      'Press Ctrl-C to stop everything.',
      '',
    ].filter(Boolean).join('\n') + '\n',
  );
}

/** Runs the stop steps once, last added first, each bounded; a second Ctrl-C says what it is waiting for. */
export class StartStopper {
  private readonly steps: { name: string; run: () => Promise<void> }[] = [];
  private stopping?: Promise<void>;

  constructor(
    private readonly logger: ReturnType<typeof createLogger>,
    private readonly stopServers: () => Promise<void>,
  ) {}

  add(run: () => Promise<void>, name = 'the demo feeds'): void {
    this.steps.push({ name, run });
  }

  /**
   * A Ctrl-C reaches this process up to three times at once (from the terminal, and passed on
   * by npm and by scripts/start.mjs): echoes within 2 s are one signal.
   */
  listen(): void {
    let first = 0;
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => {
        if (this.stopping && Date.now() - first > 2_000) process.stderr.write('\nStill stopping (Elasticsearch can take up to 30 s)…\n');
        first ||= Date.now();
        void this.stop(signal, 0);
      });
    }
  }

  stop(reason: string, code: number): Promise<void> {
    this.stopping ??= (async () => {
      this.logger.info({ reason }, 'stopping');
      for (const step of [...this.steps].reverse()) await bounded(step.run(), 20_000).catch((e: Error) => this.logger.warn({ err: e.message }, `stopping ${step.name} failed`));
      await this.stopServers().catch((e: Error) => this.logger.error({ err: e.message }, 'stopping Kafka / Elasticsearch failed'));
      process.exit(code);
    })();
    return this.stopping;
  }
}

function bounded(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<void>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms)))]).finally(() => clearTimeout(timer));
}
