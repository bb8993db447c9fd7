#!/usr/bin/env node
// Real Kafka (KRaft, one node) and real Elasticsearch (single node) on 127.0.0.1,
// fetched from Maven Central with the machine's Maven, cached outside git, started
// and stopped by pid. No Docker needed. Usage:
//   node scripts/services.mjs start|stop|status|reset|env
// When KAFKA_BROKERS / ELASTICSEARCH_URL are set, that service is not started.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export const versions = {
  // 4.1.1: kafkajs 2.2.4 talks to it (produce, idempotent producer, groups, commits
  // checked on this machine); KIP-896 kept the protocol versions kafkajs uses.
  kafka: process.env.VIGIL_KAFKA_VERSION ?? '4.1.1',
  log4j: '2.24.3',
  // Server major must equal the @elastic/elasticsearch client major (8.19.x).
  elasticsearch: process.env.VIGIL_ES_VERSION ?? '8.19.7',
};

const cacheDir = process.env.VIGIL_CACHE_DIR ?? (isRoot ? '/var/cache/vigil' : path.join(os.homedir(), '.cache', 'vigil'));
// As root, Elasticsearch runs as a system user that must be able to reach its folders,
// so runtime state cannot live under /root or a private checkout.
const homeDir = process.env.VIGIL_HOME ?? (isRoot ? '/var/lib/vigil' : path.join(repoRoot, '.vigil'));
const esUser = process.env.VIGIL_ES_USER ?? 'vigil-es';

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

class ServiceError extends Error {}

const log = (msg) => process.stderr.write(`[services] ${msg}\n`);

function which(cmd) {
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

function checkJava() {
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

function checkMaven() {
  const mvn = which('mvn');
  if (!mvn) {
    throw new ServiceError('Maven (mvn) not found: it fetches Kafka and Elasticsearch from Maven Central. Install it (`apt-get install maven`) or point KAFKA_BROKERS and ELASTICSEARCH_URL at running servers.');
  }
  return mvn;
}

function runMaven(mvn, args, cwd, what) {
  log(`fetching ${what} with Maven (first time only; about 100–150 MB in all)…`);
  const r = spawnSync(mvn, ['-B', '-q', ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new ServiceError(`downloading ${what} failed (mvn exit ${r.status}). Is Maven Central reachable, or a mirror set in ~/.m2/settings.xml?\n${tail}`);
  }
}

// ---------------------------------------------------------------- fetch

function kafkaLibDir() {
  return path.join(cacheDir, `kafka-${versions.kafka}`, 'libs');
}

export function fetchKafka() {
  const dir = path.join(cacheDir, `kafka-${versions.kafka}`);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return kafkaLibDir();
  const mvn = checkMaven();
  fs.mkdirSync(dir, { recursive: true });
  // The published POM carries no logging backend: without log4j + the slf4j 1.7
  // binding the broker logs nothing at all.
  fs.writeFileSync(
    path.join(dir, 'pom.xml'),
    `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>vigil</groupId><artifactId>kafka-runtime</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${versions.kafka}</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>${versions.log4j}</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId><version>${versions.log4j}</version></dependency>
  </dependencies>
</project>
`,
  );
  fs.rmSync(kafkaLibDir(), { recursive: true, force: true });
  runMaven(mvn, ['dependency:copy-dependencies', `-DoutputDirectory=${kafkaLibDir()}`, '-DincludeScope=runtime'], dir, `Kafka ${versions.kafka}`);
  fs.writeFileSync(done, new Date().toISOString());
  return kafkaLibDir();
}

function esDistDir() {
  return path.join(cacheDir, `elasticsearch-${versions.elasticsearch}`, `elasticsearch-${versions.elasticsearch}`);
}

export function fetchElasticsearch() {
  const dir = path.join(cacheDir, `elasticsearch-${versions.elasticsearch}`);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return esDistDir();
  const mvn = checkMaven();
  fs.mkdirSync(dir, { recursive: true });
  const artifact = `org.elasticsearch.distribution.integ-test-zip:elasticsearch:${versions.elasticsearch}:zip`;
  runMaven(mvn, ['org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy', `-Dartifact=${artifact}`, `-DoutputDirectory=${dir}`], dir, `Elasticsearch ${versions.elasticsearch}`);
  const zip = path.join(dir, `elasticsearch-${versions.elasticsearch}.zip`);
  fs.rmSync(esDistDir(), { recursive: true, force: true });
  const unzip = which('unzip');
  const r = unzip
    ? spawnSync(unzip, ['-q', '-o', zip, '-d', dir], { encoding: 'utf8' })
    : spawnSync(path.join(checkJava().home, 'bin', 'jar'), ['xf', zip], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new ServiceError(`unpacking ${zip} failed: ${r.stderr}`);
  // `jar` drops the exec bits; the start scripts need them.
  for (const f of fs.readdirSync(path.join(esDistDir(), 'bin'))) fs.chmodSync(path.join(esDistDir(), 'bin', f), 0o755);
  fs.rmSync(zip, { force: true });
  // The ES user must be able to read the distribution.
  spawnSync('chmod', ['-R', 'a+rX', dir]);
  fs.writeFileSync(done, new Date().toISOString());
  return esDistDir();
}

// ---------------------------------------------------------------- process helpers

function pidFile(name) {
  return path.join(homeDir, 'run', `${name}.pid`);
}

function readPid(name) {
  try {
    const pid = Number(fs.readFileSync(pidFile(name), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function portOpen(port) {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
    s.setTimeout(1000, () => {
      s.destroy();
      resolve(false);
    });
  });
}

function tail(file, lines = 25) {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log yet)';
  }
}

async function waitFor(what, check, timeoutMs, logFile, pid) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (pid && !alive(pid)) {
      throw new ServiceError(`${what} exited while starting. Last lines of ${logFile}:\n${tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new ServiceError(`${what} did not become healthy within ${Math.round(timeoutMs / 1000)} s. Last lines of ${logFile}:\n${tail(logFile)}`);
}

function startDetached(name, cmd, args, env, logFile) {
  fs.mkdirSync(path.dirname(pidFile(name)), { recursive: true });
  const out = fs.openSync(logFile, 'a');
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', out, out], env: { ...process.env, ...env } });
  fs.closeSync(out);
  fs.writeFileSync(pidFile(name), String(child.pid));
  child.unref();
  return child.pid;
}

async function stopPid(name, graceMs = 30_000) {
  const pid = readPid(name);
  if (!pid || !alive(pid)) {
    fs.rmSync(pidFile(name), { force: true });
    return false;
  }
  // Detached children lead their own process group: signal the group so the JVMs
  // that launcher scripts fork stop too.
  const signalGroup = (sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* already gone */
      }
    }
  };
  signalGroup('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && alive(pid)) await new Promise((r) => setTimeout(r, 250));
  if (alive(pid)) {
    log(`${name} did not stop within ${graceMs / 1000} s; killing it`);
    signalGroup('SIGKILL');
  }
  fs.rmSync(pidFile(name), { force: true });
  return true;
}

// ---------------------------------------------------------------- Kafka

async function kafkaHealthy(brokers) {
  const [host, port] = brokers.split(',')[0].split(':');
  if (!(await new Promise((resolve) => {
    const s = net.connect({ host, port: Number(port) });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  }))) return false;
  // An open port is not a working broker: ask for cluster metadata.
  let Kafka;
  try {
    ({ Kafka } = await import(path.join(repoRoot, 'node_modules', 'kafkajs', 'index.js')));
  } catch {
    return true;
  }
  const admin = new Kafka({ brokers: brokers.split(','), clientId: 'vigil-services', logCreator: () => () => {}, retry: { retries: 0 } }).admin();
  try {
    await admin.connect();
    const c = await admin.describeCluster();
    return c.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

async function startKafka() {
  const pid = readPid('kafka');
  if (pid && alive(pid)) {
    log(`Kafka already running (pid ${pid}) on ${defaultUrls.kafkaBrokers}`);
    return;
  }
  for (const p of [ports.kafka, ports.kafkaController]) {
    if (await portOpen(p)) throw new ServiceError(`port ${p} on 127.0.0.1 is taken by another process: stop it, or choose other ports with VIGIL_KAFKA_PORT / VIGIL_KAFKA_CONTROLLER_PORT (or set KAFKA_BROKERS to use that broker).`);
  }
  const { java } = checkJava();
  const libs = fetchKafka();
  const dir = path.join(homeDir, 'kafka');
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(path.join(homeDir, 'logs'), { recursive: true });
  const props = path.join(dir, 'server.properties');
  fs.writeFileSync(
    props,
    [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.voters=1@127.0.0.1:${ports.kafkaController}`,
      `listeners=PLAINTEXT://127.0.0.1:${ports.kafka},CONTROLLER://127.0.0.1:${ports.kafkaController}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${ports.kafka}`,
      'controller.listener.names=CONTROLLER',
      'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      'inter.broker.listener.name=PLAINTEXT',
      `log.dirs=${dataDir}`,
      'num.partitions=3',
      // One node: every internal topic must have replication 1 or groups never form.
      'offsets.topic.replication.factor=1',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'share.coordinator.state.topic.replication.factor=1',
      'share.coordinator.state.topic.min.isr=1',
      'group.initial.rebalance.delay.ms=0',
      'auto.create.topics.enable=false',
      'log.retention.hours=168',
      '',
    ].join('\n'),
  );
  const log4j = path.join(dir, 'log4j2.properties');
  fs.writeFileSync(
    log4j,
    [
      'status = warn',
      'appender.console.type = Console',
      'appender.console.name = STDOUT',
      'appender.console.layout.type = PatternLayout',
      'appender.console.layout.pattern = [%d] %p %m (%c)%n',
      'rootLogger.level = info',
      'rootLogger.appenderRef.stdout.ref = STDOUT',
      'logger.kafka.name = kafka',
      'logger.kafka.level = warn',
      'logger.ak.name = org.apache.kafka',
      'logger.ak.level = warn',
      'logger.started.name = kafka.server.KafkaRaftServer',
      'logger.started.level = info',
      '',
    ].join('\n'),
  );
  const cp = `${libs}/*`;
  const jvm = (process.env.VIGIL_KAFKA_HEAP ?? '-Xms512m -Xmx512m').split(' ');
  if (!fs.existsSync(path.join(dataDir, 'meta.properties'))) {
    const id = spawnSync(java, ['-cp', cp, 'kafka.tools.StorageTool', 'random-uuid'], { encoding: 'utf8' }).stdout.trim().split('\n').pop();
    const f = spawnSync(java, ['-cp', cp, `-Dlog4j2.configurationFile=${log4j}`, 'kafka.tools.StorageTool', 'format', '-t', id, '-c', props], { encoding: 'utf8' });
    if (f.status !== 0) throw new ServiceError(`formatting Kafka storage failed:\n${f.stdout}${f.stderr}`);
  }
  const logFile = path.join(homeDir, 'logs', 'kafka.log');
  log(`starting Kafka ${versions.kafka} on ${defaultUrls.kafkaBrokers} (log: ${logFile})`);
  const started = startDetached('kafka', java, [...jvm, '-XX:+UseG1GC', '-cp', cp, `-Dlog4j2.configurationFile=${log4j}`, 'kafka.Kafka', props], {}, logFile);
  await waitFor('Kafka', () => kafkaHealthy(defaultUrls.kafkaBrokers), 90_000, logFile, started);
  log('Kafka is healthy');
}

// ---------------------------------------------------------------- Elasticsearch

async function esHealthy(url) {
  try {
    // `GET /` is missing in the integ-test distribution: ask cluster health instead.
    const r = await fetch(`${url}/_cluster/health`, { signal: AbortSignal.timeout(2000) });
    if (!r.ok) return false;
    const body = await r.json();
    return body.status === 'green' || body.status === 'yellow';
  } catch {
    return false;
  }
}

function ensureEsUser() {
  if (spawnSync('id', ['-u', esUser]).status === 0) return;
  const r = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', esUser], { encoding: 'utf8' });
  if (r.status !== 0) throw new ServiceError(`Elasticsearch refuses to run as root, and creating the user ${esUser} failed: ${r.stderr}`);
}

async function startElasticsearch() {
  const pid = readPid('elasticsearch');
  if (pid && alive(pid)) {
    log(`Elasticsearch already running (pid ${pid}) on ${defaultUrls.elasticsearchUrl}`);
    return;
  }
  for (const p of [ports.es, ports.esTransport]) {
    if (await portOpen(p)) throw new ServiceError(`port ${p} on 127.0.0.1 is taken by another process: stop it, or choose other ports with VIGIL_ES_PORT / VIGIL_ES_TRANSPORT_PORT (or set ELASTICSEARCH_URL to use that server).`);
  }
  const { home } = checkJava();
  const dist = fetchElasticsearch();
  const dir = path.join(homeDir, 'elasticsearch');
  const conf = path.join(dir, 'config');
  fs.mkdirSync(conf, { recursive: true });
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
  fs.mkdirSync(path.join(homeDir, 'logs'), { recursive: true });
  for (const f of ['jvm.options', 'log4j2.properties']) fs.copyFileSync(path.join(dist, 'config', f), path.join(conf, f));
  fs.mkdirSync(path.join(conf, 'jvm.options.d'), { recursive: true });
  fs.writeFileSync(
    path.join(conf, 'elasticsearch.yml'),
    [
      'cluster.name: vigil',
      'node.name: vigil-1',
      'discovery.type: single-node',
      'network.host: 127.0.0.1',
      `http.port: ${ports.es}`,
      `transport.port: ${ports.esTransport}`,
      `path.data: ${path.join(dir, 'data')}`,
      `path.logs: ${path.join(dir, 'logs')}`,
      'cluster.routing.allocation.disk.threshold_enabled: false',
      // The integ-test zip does carry the security module; left on, the first start
      // auto-configures TLS and passwords. Local use only: see the README for production.
      'xpack.security.enabled: false',
      '',
    ].join('\n'),
  );
  const env = {
    ES_JAVA_HOME: home,
    ES_PATH_CONF: conf,
    ES_JAVA_OPTS: process.env.VIGIL_ES_HEAP ?? '-Xms512m -Xmx512m',
  };
  let cmd = path.join(dist, 'bin', 'elasticsearch');
  let args = [];
  if (isRoot) {
    ensureEsUser();
    spawnSync('chown', ['-R', `${esUser}:`, dir]);
    // setpriv execs in place (runuser would stay as a parent), so the pid we keep is ES's launcher.
    args = [`--reuid=${esUser}`, `--regid=${esUser}`, '--init-groups', '--', cmd];
    cmd = 'setpriv';
  }
  const logFile = path.join(homeDir, 'logs', 'elasticsearch.log');
  log(`starting Elasticsearch ${versions.elasticsearch} on ${defaultUrls.elasticsearchUrl} (log: ${logFile})`);
  const started = startDetached('elasticsearch', cmd, args, env, logFile);
  await waitFor('Elasticsearch', () => esHealthy(defaultUrls.elasticsearchUrl), 180_000, logFile, started);
  log('Elasticsearch is healthy');
}

// ---------------------------------------------------------------- commands

/**
 * Starts what is not configured externally and returns the addresses to use.
 * `started` lists what this call started, so a test run can stop only that.
 */
export async function ensureServices() {
  const started = [];
  const kafkaBrokers = process.env.KAFKA_BROKERS || defaultUrls.kafkaBrokers;
  const elasticsearchUrl = process.env.ELASTICSEARCH_URL || defaultUrls.elasticsearchUrl;
  const tasks = [];
  if (!process.env.KAFKA_BROKERS) {
    const pid = readPid('kafka');
    if (!(pid && alive(pid))) started.push('kafka');
    tasks.push(startKafka());
  } else log(`KAFKA_BROKERS is set (${kafkaBrokers}): not starting Kafka`);
  if (!process.env.ELASTICSEARCH_URL) {
    const pid = readPid('elasticsearch');
    if (!(pid && alive(pid))) started.push('elasticsearch');
    tasks.push(startElasticsearch());
  } else log(`ELASTICSEARCH_URL is set (${elasticsearchUrl}): not starting Elasticsearch`);
  // Fetches are synchronous (Maven), so both downloads happen before either JVM waits.
  const results = await Promise.allSettled(tasks);
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length) throw failed[0].reason;
  return { kafkaBrokers, elasticsearchUrl, started };
}

export async function stopServices(names = ['kafka', 'elasticsearch']) {
  for (const n of names) {
    if (await stopPid(n)) log(`stopped ${n}`);
  }
}

async function status() {
  for (const [name, check, url] of [
    ['kafka', () => kafkaHealthy(defaultUrls.kafkaBrokers), defaultUrls.kafkaBrokers],
    ['elasticsearch', () => esHealthy(defaultUrls.elasticsearchUrl), defaultUrls.elasticsearchUrl],
  ]) {
    const pid = readPid(name);
    const running = pid && alive(pid);
    const healthy = running ? await check() : false;
    console.log(`${name.padEnd(14)} ${running ? `running pid ${pid}` : 'stopped'}${running ? (healthy ? `, healthy at ${url}` : ', NOT healthy') : ''}`);
  }
  console.log(`cache: ${cacheDir}\nstate: ${homeDir}`);
}

async function main() {
  const cmd = process.argv[2] ?? 'status';
  switch (cmd) {
    case 'start': {
      const r = await ensureServices();
      console.log(`KAFKA_BROKERS=${r.kafkaBrokers}\nELASTICSEARCH_URL=${r.elasticsearchUrl}`);
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
      for (const d of ['kafka', 'elasticsearch']) fs.rmSync(path.join(homeDir, d), { recursive: true, force: true });
      log(`removed data under ${homeDir} (the download cache ${cacheDir} is kept)`);
      break;
    case 'fetch':
      fetchKafka();
      fetchElasticsearch();
      log(`cached in ${cacheDir}`);
      break;
    case 'env':
      console.log(`KAFKA_BROKERS=${defaultUrls.kafkaBrokers}\nELASTICSEARCH_URL=${defaultUrls.elasticsearchUrl}`);
      break;
    default:
      console.error('usage: npm run services -- start|stop|status|reset|fetch|env');
      process.exit(2);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`[services] ${e instanceof ServiceError ? e.message : e.stack}`);
    process.exit(1);
  });
}
