// Kafka 4.x in KRaft mode (one node, or three in cluster mode: each broker + controller), fetched from Maven Central.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { cacheDir, checkJava, checkMaven, defaultUrls, homeDir, log, nodes, repoRoot, runMaven, secure, ServiceError, versions } from './env.mjs';
import { addMissingAppUsers, applyAcls, formattedWithAppUsers, refuseUnsecuredData, scramFormatArgs, secureKafkaAdminOptions, secureListenerProperties } from './kafka-security.mjs';
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

/** Metadata from the broker(s); with --secure over SASL_SSL as the admin user, checked against the CA. */
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
  let security = {};
  try {
    if (secure) security = secureKafkaAdminOptions();
  } catch {
    return false;
  }
  const admin = new Kafka({ brokers: brokers.split(','), clientId: 'vigil-services', logCreator: () => () => {}, retry: { retries: 0 }, ...security }).admin();
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

/** Starts every broker not yet running (one, or three in cluster mode) and waits for all of them. */
export async function startKafka() {
  const cp = `${fetchKafka()}/*`;
  const todo = nodes.kafka.filter((n) => !alreadyRunning(n.name, nodes.kafka.length > 1 ? `Kafka ${n.name}` : 'Kafka', `127.0.0.1:${n.port}`));
  const started = [];
  // Every node prepared (certificates, storage formatted: a JVM each) before any starts: a broker
  // gives up when the controller quorum is not there within its registration timeout, and
  // preparing three one after another took longer than that on a loaded machine.
  const ready = [];
  for (const n of todo) ready.push(await prepareKafkaNode(n, cp));
  for (const launch of ready) started.push(launch());
  for (const [n, pid, logFile] of started) {
    await waitFor(`Kafka ${n.name}`, () => kafkaHealthy(`127.0.0.1:${n.port}`), 120_000, logFile, pid);
  }
  if (secure) {
    const added = addMissingAppUsers(checkJava().java, cp, defaultUrls.kafkaBrokers);
    if (added.length) log(`added the per-app Kafka users ${added.join(', ')} (this folder was formatted before them)`);
    const kafkajs = await import(path.join(repoRoot, 'node_modules', 'kafkajs', 'index.js'));
    await applyAcls(kafkajs.default ?? kafkajs, defaultUrls.kafkaBrokers);
  }
  if (todo.length) log(`Kafka is healthy (${defaultUrls.kafkaBrokers})${secure ? '; ACLs of the user vigil and of each app\'s own user in place' : ''}`);
}

/** Starts one broker again (the chaos suite restarts the one it killed); waits until it answers. */
export async function startKafkaNode(name) {
  const n = nodes.kafka.find((k) => k.name === name);
  if (!n) throw new ServiceError(`no Kafka node ${name}`);
  const [, pid, logFile] = (await prepareKafkaNode(n, `${fetchKafka()}/*`))();
  await waitFor(`Kafka ${n.name}`, () => kafkaHealthy(`127.0.0.1:${n.port}`), 120_000, logFile, pid);
}

function serverProperties(n, dataDir) {
  const clustered = nodes.kafka.length > 1;
  const rf = clustered ? 3 : 1;
  const isr = clustered ? 2 : 1;
  return [
    'process.roles=broker,controller',
    `node.id=${n.id}`,
    `controller.quorum.voters=${nodes.kafka.map((k) => `${k.id}@127.0.0.1:${k.controllerPort}`).join(',')}`,
    'controller.listener.names=CONTROLLER',
    ...(secure
      ? secureListenerProperties(n, nodes.kafka)
      : [
          `listeners=PLAINTEXT://127.0.0.1:${n.port},CONTROLLER://127.0.0.1:${n.controllerPort}`,
          `advertised.listeners=PLAINTEXT://127.0.0.1:${n.port}`,
          'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
          'inter.broker.listener.name=PLAINTEXT',
        ]),
    `log.dirs=${dataDir}`,
    'num.partitions=3',
    // One node: every internal topic must have replication 1 or groups never form. A cluster keeps
    // three copies and accepts a write (acks=all) once two have it, so one broker may die.
    `default.replication.factor=${rf}`,
    `min.insync.replicas=${isr}`,
    `offsets.topic.replication.factor=${rf}`,
    `transaction.state.log.replication.factor=${rf}`,
    `transaction.state.log.min.isr=${isr}`,
    `share.coordinator.state.topic.replication.factor=${rf}`,
    `share.coordinator.state.topic.min.isr=${isr}`,
    'group.initial.rebalance.delay.ms=0',
    // A cluster's brokers wait for the controller quorum; at start on a loaded machine the default minute was not enough.
    ...(clustered ? ['initial.broker.registration.timeout.ms=180000'] : []),
    'auto.create.topics.enable=false',
    'log.retention.hours=168',
    '',
  ].join('\n');
}

/** Writes the node's settings and formats its storage once; returns what starts it. */
async function prepareKafkaNode(n, cp) {
  await ensurePortsFree([n.port, n.controllerPort], 'choose other ports with VIGIL_KAFKA_PORT / VIGIL_KAFKA_CONTROLLER_PORT (or set KAFKA_BROKERS to use that broker)');
  const { java } = checkJava();
  const dir = path.join(homeDir, n.name);
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(path.join(homeDir, 'logs'), { recursive: true });
  if (secure) refuseUnsecuredData(n, dataDir);
  const props = path.join(dir, 'server.properties');
  fs.writeFileSync(props, serverProperties(n, dataDir));
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
  const jvm = (process.env.VIGIL_KAFKA_HEAP ?? (nodes.kafka.length > 1 ? '-Xms384m -Xmx384m' : '-Xms512m -Xmx512m')).split(' ');
  if (!fs.existsSync(path.join(dataDir, 'meta.properties'))) {
    // The nodes of a cluster share one cluster id, kept beside them.
    const idFile = path.join(homeDir, 'kafka-cluster-id');
    let id = nodes.kafka.length > 1 && fs.existsSync(idFile) ? fs.readFileSync(idFile, 'utf8').trim() : '';
    if (!id) {
      id = spawnSync(java, ['-cp', cp, 'kafka.tools.StorageTool', 'random-uuid'], { encoding: 'utf8' }).stdout.trim().split('\n').pop();
      if (nodes.kafka.length > 1) fs.writeFileSync(idFile, id);
    }
    const f = spawnSync(java, ['-cp', cp, `-Dlog4j2.configurationFile=${log4j}`, 'kafka.tools.StorageTool', 'format', '-t', id, '-c', props, ...(secure ? scramFormatArgs() : [])], { encoding: 'utf8' });
    if (f.status !== 0) throw new ServiceError(`formatting Kafka storage failed:\n${f.stdout}${f.stderr}`);
    if (secure) formattedWithAppUsers();
  }
  return () => {
    const logFile = path.join(homeDir, 'logs', `${n.name}.log`);
    log(`starting Kafka ${versions.kafka}${nodes.kafka.length > 1 ? ` ${n.name}` : ''} on ${secure ? 'SASL_SSL://' : ''}127.0.0.1:${n.port} (log: ${logFile})`);
    const pid = startDetached(n.name, java, [...jvm, '-XX:+UseG1GC', '-cp', cp, `-Dlog4j2.configurationFile=${log4j}`, 'kafka.Kafka', props], {}, logFile);
    return [n, pid, logFile];
  };
}
