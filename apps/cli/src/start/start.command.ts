import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { createLogger, PinoNestLogger } from '@vigil/common';
import { configureHttpApp, loadApiConfig } from '@vigil/api';
import { createIntakeKey } from '@vigil/collector';
import { startDemoFeedServer } from '../demo/demo-feed-server';
import { repoRoot } from '../repo-root';
import { AllInOneModule } from './all-in-one.module';
import { localDataKeys } from './local-data-keys';

interface ServicesScript {
  ensureServices(): Promise<{ kafkaBrokers: string; elasticsearchUrl: string; started: string[] }>;
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
export async function runStart(opts: { stopServicesOnExit: boolean }): Promise<void> {
  const services = await loadServicesScript();
  // A person at a terminal reads lines, not JSON; every JSON line still goes to the state
  // folder (outside git). A deployment that runs the apps itself keeps JSON on stdout.
  process.env.LOG_FORMAT ??= 'pretty';
  process.env.LOG_FILE ??= path.join(services.paths.homeDir, 'logs', 'vigil.log');
  const logger = createLogger('vigil');
  logger.info(`starting; every log line as JSON in ${process.env.LOG_FILE}`);
  const { kafkaBrokers, elasticsearchUrl, started } = await services.ensureServices();
  process.env.KAFKA_BROKERS = kafkaBrokers;
  process.env.ELASTICSEARCH_URL = elasticsearchUrl;

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
  const app = await NestFactory.create(AllInOneModule.forRoot(), { logger: new PinoNestLogger(logger) });
  configureHttpApp(app);
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
      `  Elasticsearch:  ${elasticsearchUrl}`,
      process.env.LOG_FILE ? `  Logs (JSON):    ${process.env.LOG_FILE}` : '',
      'Press Ctrl-C to stop everything.',
      '',
    ].filter(Boolean).join('\n') + '\n',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await app.close();
    await demo?.close();
    if (opts.stopServicesOnExit && started.length) await services.stopServices(started);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
