// Kafka 4.x in KRaft mode (one node: broker + controller), fetched from Maven Central.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { cacheDir, checkJava, checkMaven, defaultUrls, homeDir, log, ports, repoRoot, runMaven, ServiceError, versions } from './env.mjs';
import { alreadyRunning, ensurePortsFree, startDetached, waitFor } from './process.mjs';

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

export async function kafkaHealthy(brokers) {
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

export async function startKafka() {
  if (alreadyRunning('kafka', 'Kafka', defaultUrls.kafkaBrokers)) return;
  await ensurePortsFree([ports.kafka, ports.kafkaController], 'choose other ports with VIGIL_KAFKA_PORT / VIGIL_KAFKA_CONTROLLER_PORT (or set KAFKA_BROKERS to use that broker)');
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
