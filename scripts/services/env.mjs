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

export const ports = {
  kafka: Number(process.env.VIGIL_KAFKA_PORT ?? 19092),
  kafkaController: Number(process.env.VIGIL_KAFKA_CONTROLLER_PORT ?? 19093),
  es: Number(process.env.VIGIL_ES_PORT ?? 19200),
  esTransport: Number(process.env.VIGIL_ES_TRANSPORT_PORT ?? 19300),
};

export const defaultUrls = {
  kafkaBrokers: `127.0.0.1:${ports.kafka}`,
  elasticsearchUrl: `http://127.0.0.1:${ports.es}`,
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
