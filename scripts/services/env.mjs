// Where the embedded servers come from and live: versions, ports, the download cache and
// the state folder (data, pid files, logs), and the tools they need (a JDK, Maven).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export const versions = {
  // 4.1.1: kafkajs 2.2.4 talks to it (produce, idempotent producer, groups, commits
  // checked on this machine); KIP-896 kept the protocol versions kafkajs uses.
  kafka: process.env.VIGIL_KAFKA_VERSION ?? '4.1.1',
  log4j: '2.24.3',
  // Server major must equal the @elastic/elasticsearch client major (8.19.x).
  elasticsearch: process.env.VIGIL_ES_VERSION ?? '8.19.7',
};

export const cacheDir = process.env.VIGIL_CACHE_DIR ?? (isRoot ? '/var/cache/vigil' : path.join(os.homedir(), '.cache', 'vigil'));
// As root, Elasticsearch runs as a system user that must be able to reach its folders,
// so runtime state cannot live under /root or a private checkout.
export const homeDir = process.env.VIGIL_HOME ?? (isRoot ? '/var/lib/vigil' : path.join(repoRoot, '.vigil'));
export const esUser = process.env.VIGIL_ES_USER ?? 'vigil-es';

/**
 * Cluster mode (`start --cluster`, or VIGIL_CLUSTER=true): three Kafka brokers and two
 * Elasticsearch nodes on consecutive ports from the same bases. It is remembered in the state
 * folder, so `stop`, `status` and `env` find the nodes a cluster start made.
 */
export function clusterMode() {
  if (process.argv.includes('--cluster') || process.env.VIGIL_CLUSTER === 'true') return true;
  return fs.existsSync(path.join(homeDir, 'run', 'cluster'));
}
export const cluster = clusterMode();

/**
 * Secured mode (`start --secure`, or VIGIL_SECURE=true; VIGIL_ES_SECURE=true is the older name):
 * Elasticsearch with security on, TLS on HTTP from a CA made with elasticsearch-certutil, and users
 * with passwords; Kafka with SASL_SSL only (a CA made with openssl, SCRAM-SHA-512 users). It
 * exercises the path a deployment takes to secured clusters (docs/security.md). Unlike cluster mode
 * it stays remembered after `stop` (until `reset`): a folder's secured data cannot be served plain,
 * and `vigil start` on it must pass the apps its users and CA files.
 */
export const secureMarkers = [path.join(homeDir, 'run', 'secure'), path.join(homeDir, 'secured'), path.join(homeDir, 'kafka-credentials.json')];
export const secure =
  process.argv.includes('--secure') || process.env.VIGIL_SECURE === 'true' || process.env.VIGIL_ES_SECURE === 'true' || secureMarkers.some((f) => fs.existsSync(f));

const kafkaPort = Number(process.env.VIGIL_KAFKA_PORT ?? 19092);
const esPort = Number(process.env.VIGIL_ES_PORT ?? 19200);
export const ports = {
  kafka: kafkaPort,
  // One node: the port after the broker's; a cluster's three brokers take three ports, so +100.
  kafkaController: Number(process.env.VIGIL_KAFKA_CONTROLLER_PORT ?? kafkaPort + (cluster ? 100 : 1)),
  es: esPort,
  esTransport: Number(process.env.VIGIL_ES_TRANSPORT_PORT ?? esPort + 100),
};

/** The nodes to run: one of each, or 3 brokers (ids 1–3) and 2 Elasticsearch nodes in cluster mode. */
export const nodes = {
  kafka: Array.from({ length: cluster ? 3 : 1 }, (_, i) => ({
    id: i + 1,
    name: cluster ? `kafka-${i + 1}` : 'kafka',
    port: ports.kafka + i,
    controllerPort: ports.kafkaController + i,
  })),
  elasticsearch: Array.from({ length: cluster ? 2 : 1 }, (_, i) => ({
    id: i + 1,
    name: cluster ? `elasticsearch-${i + 1}` : 'elasticsearch',
    port: ports.es + i,
    transportPort: ports.esTransport + i,
  })),
};

export const defaultUrls = {
  kafkaBrokers: nodes.kafka.map((n) => `127.0.0.1:${n.port}`).join(','),
  elasticsearchUrl: nodes.elasticsearch.map((n) => `${secure ? 'https' : 'http'}://127.0.0.1:${n.port}`).join(','),
};

export class ServiceError extends Error {}

export const log = (msg) => process.stderr.write(`[services] ${msg}\n`);

export function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function javaHome() {
  if (process.env.ES_JAVA_HOME) return process.env.ES_JAVA_HOME;
  if (process.env.JAVA_HOME) return process.env.JAVA_HOME;
  const java = which('java');
  if (!java) return null;
  return path.resolve(fs.realpathSync(java), '..', '..');
}

export function checkJava() {
  const home = javaHome();
  const java = home ? path.join(home, 'bin', 'java') : null;
  if (!java || !fs.existsSync(java)) {
    throw new ServiceError('Java not found: install a JDK 17+ (e.g. `apt-get install openjdk-17-jdk-headless`) or set JAVA_HOME, or point KAFKA_BROKERS and ELASTICSEARCH_URL at running servers.');
  }
  const r = spawnSync(java, ['-version'], { encoding: 'utf8' });
  const m = /version "(\d+)/.exec(r.stderr ?? '');
  if (!m || Number(m[1]) < 17) {
    throw new ServiceError(`Java 17 or newer is needed (found: ${(r.stderr ?? '').split('\n')[0] || 'unknown'} at ${java}).`);
  }
  return { home, java };
}

export function checkMaven() {
  const mvn = which('mvn');
  if (!mvn) {
    throw new ServiceError('Maven (mvn) not found: it fetches Kafka and Elasticsearch from Maven Central. Install it (`apt-get install maven`) or point KAFKA_BROKERS and ELASTICSEARCH_URL at running servers.');
  }
  return mvn;
}

export function runMaven(mvn, args, cwd, what) {
  log(`fetching ${what} with Maven (first time only; about 100–150 MB in all)…`);
  const r = spawnSync(mvn, ['-B', '-q', ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new ServiceError(`downloading ${what} failed (mvn exit ${r.status}). Is Maven Central reachable, or a mirror set in ~/.m2/settings.xml?\n${tail}`);
  }
}
