#!/usr/bin/env node
// Real Kafka (KRaft, one node) and real Elasticsearch (single node) on 127.0.0.1,
// fetched from Maven Central with the machine's Maven, cached outside git, started
// and stopped by pid. No Docker needed. Usage:
//   node scripts/services.mjs start|stop|status|reset|env [--cluster]
// --cluster: 3 Kafka brokers (replication 3, min.insync.replicas 2) and 2 Elasticsearch nodes.
// --secure: Elasticsearch with security, TLS on HTTP (own CA) and users (see es-security.mjs);
//   Kafka with SASL_SSL only: own CA, SCRAM-SHA-512 users (see kafka-security.mjs), one per app
//   too (`env --app processor` prints that app's settings; kafka-app-acls.mjs).
// When KAFKA_BROKERS / ELASTICSEARCH_URL are set, that service is not started.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, cluster, defaultUrls, homeDir, log, nodes, secure, ServiceError } from './services/env.mjs';
import { secureClientEnv, secureEsHealthy } from './services/es-security.mjs';
import { secureKafkaAppEnv, secureKafkaClientEnv } from './services/kafka-security.mjs';
import { alive, readPid, stopPid } from './services/process.mjs';
import { kafkaHealthy, startKafka, fetchKafka } from './services/kafka.mjs';
import { esHealthy, startElasticsearch, fetchElasticsearch } from './services/elasticsearch.mjs';

export { versions, ports, defaultUrls, nodes, cluster, secure } from './services/env.mjs';
export { secureClientEnv } from './services/es-security.mjs';
export { applyAppAcls, removeAppAcls, secureKafkaAdminOptions, secureKafkaAppEnv, secureKafkaClientEnv } from './services/kafka-security.mjs';
export { APP_TOPICS, KAFKA_APPS, appGroupPrefix, appUsername } from './services/kafka-app-acls.mjs';
export { fetchKafka, startKafkaNode } from './services/kafka.mjs';
export { fetchElasticsearch, startElasticsearchNode } from './services/elasticsearch.mjs';
export { readPid, alive } from './services/process.mjs';

const clusterMarker = path.join(homeDir, 'run', 'cluster');
const secureMarker = path.join(homeDir, 'run', 'secure');
/** Kept after `stop` (see `secure` in env.mjs); removed by `reset` with the secured data. */
const securedMarker = path.join(homeDir, 'secured');
const allNames = () => [...nodes.kafka, ...nodes.elasticsearch].map((n) => n.name);
const running = (name) => {
  const pid = readPid(name);
  return !!(pid && alive(pid));
};

/** The download cache and the state folder (server data, pid files, logs: also Vigil's own log file under `vigil start`). */
export const paths = { cacheDir, homeDir };

/**
 * Starts what is not configured externally and returns the addresses to use, and in `env` every
 * setting the apps need for them (with --secure: the CA files and the users too, as `env` prints).
 * `started` lists what this call started, so a test run can stop only that.
 */
export async function ensureServices() {
  const started = [];
  const kafkaBrokers = process.env.KAFKA_BROKERS || defaultUrls.kafkaBrokers;
  const elasticsearchUrl = process.env.ELASTICSEARCH_URL || defaultUrls.elasticsearchUrl;
  const tasks = [];
  for (const [on, marker] of [[cluster, clusterMarker], [secure, secureMarker], [secure, securedMarker]]) {
    if (!on) continue;
    fs.mkdirSync(path.dirname(marker), { recursive: true });
    fs.writeFileSync(marker, new Date().toISOString());
  }
  if (!process.env.KAFKA_BROKERS) {
    if (!nodes.kafka.every((n) => running(n.name))) started.push('kafka');
    tasks.push(startKafka());
  } else log(`KAFKA_BROKERS is set (${kafkaBrokers}): not starting Kafka`);
  if (!process.env.ELASTICSEARCH_URL) {
    if (!nodes.elasticsearch.every((n) => running(n.name))) started.push('elasticsearch');
    tasks.push(startElasticsearch());
  } else log(`ELASTICSEARCH_URL is set (${elasticsearchUrl}): not starting Elasticsearch`);
  // Fetches are synchronous (Maven), so both downloads happen before either JVM waits.
  const results = await Promise.allSettled(tasks);
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length) throw failed[0].reason;
  return { kafkaBrokers, elasticsearchUrl, started, env: clientEnv(kafkaBrokers, elasticsearchUrl) };
}

/** Stops the named services ('kafka', 'elasticsearch': every node of each), or single nodes by name. */
export async function stopServices(names = ['kafka', 'elasticsearch']) {
  const expand = (n) => (n === 'kafka' || n === 'elasticsearch' ? nodes[n].map((x) => x.name) : [n]);
  for (const n of names.flatMap(expand)) {
    if (await stopPid(n)) log(`stopped ${n}`);
  }
  if (allNames().every((n) => !running(n))) for (const m of [clusterMarker, secureMarker]) fs.rmSync(m, { force: true });
}

async function status() {
  for (const [name, check, url] of [
    ...nodes.kafka.map((n) => [n.name, () => kafkaHealthy(`127.0.0.1:${n.port}`), `${secure ? 'SASL_SSL://' : ''}127.0.0.1:${n.port}`]),
    ...nodes.elasticsearch.map((n) => [n.name, () => (secure ? secureEsHealthy(n) : esHealthy(`http://127.0.0.1:${n.port}`)), `${secure ? 'https' : 'http'}://127.0.0.1:${n.port}`]),
  ]) {
    const pid = readPid(name);
    const running = pid && alive(pid);
    const healthy = running ? await check() : false;
    console.log(`${name.padEnd(14)} ${running ? `running pid ${pid}` : 'stopped'}${running ? (healthy ? `, healthy at ${url}` : ', NOT healthy') : ''}`);
  }
  console.log(`cache: ${cacheDir}\nstate: ${homeDir}`);
}

/** The settings to point Vigil at these servers (with --secure: the CA files and the users too). */
export function clientEnv(kafkaBrokers = defaultUrls.kafkaBrokers, elasticsearchUrl = defaultUrls.elasticsearchUrl) {
  return {
    ...(secure && !process.env.KAFKA_BROKERS ? secureKafkaClientEnv(kafkaBrokers) : { KAFKA_BROKERS: kafkaBrokers }),
    ...(secure && !process.env.ELASTICSEARCH_URL ? secureClientEnv(nodes.elasticsearch[0]) : { ELASTICSEARCH_URL: elasticsearchUrl }),
  };
}

/** `--app <name>` (secured folders): that app's own Kafka user instead of `vigil` (kafka-app-acls.mjs). */
function appArg() {
  const i = process.argv.indexOf('--app');
  return i > 0 ? process.argv[i + 1] : undefined;
}

function printEnv(kafkaBrokers, elasticsearchUrl) {
  const env = clientEnv(kafkaBrokers, elasticsearchUrl);
  const app = appArg();
  if (app) {
    if (!secure || process.env.KAFKA_BROKERS) throw new ServiceError('--app gives an app its own Kafka user: only for the embedded Kafka of a --secure folder');
    Object.assign(env, secureKafkaAppEnv(app, kafkaBrokers));
  }
  for (const [k, v] of Object.entries(env)) console.log(`${k}=${v}`);
}

async function main() {
  const cmd = process.argv[2] ?? 'status';
  switch (cmd) {
    case 'start': {
      const r = await ensureServices();
      printEnv(r.kafkaBrokers, r.elasticsearchUrl);
      break;
    }
    case 'stop':
      await stopServices();
      break;
    case 'status':
      await status();
      break;
    case 'reset':
      await stopServices();
      for (const d of allNames()) fs.rmSync(path.join(homeDir, d), { recursive: true, force: true });
      fs.rmSync(path.join(homeDir, 'kafka-cluster-id'), { force: true });
      // The secured servers' CA, keystores and users go with their data: the next start is plain unless --secure.
      for (const f of [path.join(homeDir, 'kafka-tls'), path.join(homeDir, 'kafka-credentials.json'), securedMarker]) fs.rmSync(f, { recursive: true, force: true });
      log(`removed data under ${homeDir} (the download cache ${cacheDir} is kept)`);
      break;
    case 'fetch':
      fetchKafka();
      fetchElasticsearch();
      log(`cached in ${cacheDir}`);
      break;
    case 'env':
      printEnv(defaultUrls.kafkaBrokers, defaultUrls.elasticsearchUrl);
      break;
    default:
      console.error('usage: npm run services -- start|stop|status|reset|fetch|env [--cluster | --secure] [env --app collector|processor|indexer|detector|responder|api]');
      process.exit(2);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`[services] ${e instanceof ServiceError ? e.message : e.stack}`);
    process.exit(1);
  });
}
