/**
 * `check:secure`, per-app Kafka principals (scripts/services/kafka-app-acls.mjs): each app's own
 * SCRAM user against the secured brokers, on a topic prefix of the run's own with the ACLs
 * `services` gives for it.
 *  - probes: every app's user writes and reads what the table gives it (a probe message in each
 *    topic, written as the admin user, so a refusal is not an empty topic) and is refused every
 *    other topic, for writing and for reading, and refused another app's consumer group;
 *  - the whole pipeline: collector, processor, indexer, detector, responder and api as their own
 *    compiled processes, each with only its own user, all healthy, intake posts indexed, and the
 *    detector's groups caught up on mentions.enriched and mentions.by-watch.
 */
import path from 'node:path';
import * as kafkajs from 'kafkajs';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import type { Client } from '@elastic/elasticsearch';
import { Topics } from '../../libs/contracts/src/topics';
import { createIntakeKey } from '../../apps/collector/src/intake/intake-keys';
import { DataKeyRing } from '../../libs/common/src/data-keys';
import { AppProcesses, type ChaosApp } from './app-processes';
import { isIndexed } from './audit';
import { IntakeLoad } from './intake-load';

export type KafkaApp = 'collector' | 'processor' | 'indexer' | 'detector' | 'responder' | 'api';

/** What scripts/services.mjs exports for per-app users. */
export interface AppPrincipalServices {
  KAFKA_APPS: KafkaApp[];
  APP_TOPICS: Record<KafkaApp, { reads: string[]; writes: string[] }>;
  appGroupPrefix(app: KafkaApp, topicPrefix: string): string;
  secureKafkaAppEnv(app: KafkaApp, brokers: string): Record<string, string>;
  secureKafkaAdminOptions(): Pick<KafkaConfig, 'ssl' | 'sasl'>;
  applyAppAcls(kafka: typeof kafkajs, brokers: string, topicPrefix: string): Promise<void>;
  removeAppAcls(kafka: typeof kafkajs, brokers: string, topicPrefix: string): Promise<void>;
}

type Check = (what: string, fn: () => Promise<string | void>) => Promise<void>;
const ALL_TOPICS: string[] = Object.values(Topics);
const full = (prefix: string, t: string) => `${prefix}.${t}`;
const denied = /not authorized|authorization failed/i;

/** `seen`: kafkajs's debug lines' errors, for refusals it does not pass on (FindCoordinator's). */
function clientFor(svc: AppPrincipalServices, brokers: string, app: KafkaApp, seen?: string[]): Kafka {
  const env = svc.secureKafkaAppEnv(app, brokers);
  return new Kafka({
    brokers: brokers.split(','),
    clientId: `vigil-secure-check-${app}`,
    logLevel: seen ? logLevel.DEBUG : logLevel.NOTHING,
    // Refusals are not retried (kafkajs bails on authorization errors); a fresh broker's coordinator
    // errors are, which with no retries failed an allowed read ("Failed to find group coordinator").
    logCreator: () => (entry) => {
      const err = (entry.log as { error?: unknown }).error;
      if (seen && err) seen.push(String((err as Error).message ?? err));
    },
    retry: { retries: 5, initialRetryTime: 300 },
    connectionTimeout: 10_000,
    ssl: svc.secureKafkaAdminOptions().ssl,
    sasl: { mechanism: 'scram-sha-512', username: env.KAFKA_SASL_USERNAME!, password: env.KAFKA_SASL_PASSWORD! },
  });
}

/** Sends one message; '' when written, else the error (a SASL refusal is thrown: it would prove nothing about ACLs). */
async function tryWrite(kafka: Kafka, topic: string): Promise<string> {
  const producer = kafka.producer({ retry: { retries: 0 } });
  try {
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'probe', value: 'probe' }] });
    return '';
  } catch (e) {
    const msg = (e as Error).message;
    if (/SASL|authentication/i.test(msg)) throw e;
    return msg;
  } finally {
    await producer.disconnect().catch(() => undefined);
  }
}

/** Consumes from the beginning: 'read' when a message arrives, else the error that stopped it (or 'nothing within …'). */
async function tryRead(kafka: Kafka, groupId: string, topic: string, timeoutMs = 30_000): Promise<string> {
  const consumer = kafka.consumer({ groupId, retry: { retries: 5, initialRetryTime: 300 }, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
  try {
    return await new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve(`nothing within ${timeoutMs / 1000} s`), timeoutMs);
      const done = (r: string) => (clearTimeout(timer), resolve(r));
      // A fresh broker makes __consumer_offsets on the first group call ("not the correct
      // coordinator"): kafkajs restarts the consumer on such errors, so only a final one counts.
      let last = '';
      consumer.on(consumer.events.CRASH, (e) => {
        const { error, restart } = e.payload as { error: Error; restart: boolean };
        last = error.message;
        if (denied.test(error.message) || !restart) done(error.message);
      });
      setTimeout(() => last && done(`${last} (still, after ${timeoutMs / 1000} s)`), timeoutMs - 100);
      (async () => {
        await consumer.connect();
        await consumer.subscribe({ topics: [topic], fromBeginning: true });
        await consumer.run({ eachMessage: async () => done('read') });
      })().catch((e: unknown) => done((e as Error).message));
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

/** Runs per app at once (one app's probes one after another): the apps' probes do not share a client. */
async function perApp<T>(apps: KafkaApp[], fn: (app: KafkaApp) => Promise<T>): Promise<Map<KafkaApp, T>> {
  return new Map(await Promise.all(apps.map(async (a) => [a, await fn(a)] as const)));
}

export async function appAclProbes(check: Check, svc: AppPrincipalServices, brokers: string, prefix: string): Promise<void> {
  const apps = svc.KAFKA_APPS;
  const admin = new Kafka({ brokers: brokers.split(','), clientId: 'vigil-secure-check', logLevel: logLevel.NOTHING, ...svc.secureKafkaAdminOptions() });
  await svc.applyAppAcls(kafkajs, brokers, prefix);
  const a = admin.admin();
  await a.connect();
  try {
    const replicationFactor = Math.min(3, (await a.describeCluster()).brokers.length);
    await a.createTopics({ waitForLeaders: true, topics: ALL_TOPICS.map((t) => ({ topic: full(prefix, t), numPartitions: 1, replicationFactor })) });
    // One message in every topic, so a consumer that may read it gets something to read.
    const p = admin.producer();
    await p.connect();
    for (const t of ALL_TOPICS) await p.send({ topic: full(prefix, t), messages: [{ key: 'probe', value: 'probe' }] });
    await p.disconnect();

    await check('Kafka per-app users: each app writes every topic it produces and reads every topic it consumes, as its own user', async () => {
      const results = await perApp(apps, async (app) => {
        const k = clientFor(svc, brokers, app);
        const bad: string[] = [];
        for (const t of svc.APP_TOPICS[app].writes) {
          const e = await tryWrite(k, full(prefix, t));
          if (e) bad.push(`${app} write ${t}: ${e}`);
        }
        for (const t of svc.APP_TOPICS[app].reads) {
          const r = await tryRead(k, `${svc.appGroupPrefix(app, prefix)}-probe-${t}`, full(prefix, t));
          if (r !== 'read') bad.push(`${app} read ${t}: ${r}`);
        }
        return bad;
      });
      const bad = [...results.values()].flat();
      if (bad.length) throw new Error(bad.join('; '));
      return `${apps.map((x) => `${x} w${svc.APP_TOPICS[x].writes.length}/r${svc.APP_TOPICS[x].reads.length}`).join(', ')}`;
    });

    await check('Kafka per-app users: each app is refused writing every topic it does not produce', async () => {
      const results = await perApp(apps, async (app) => {
        const k = clientFor(svc, brokers, app);
        const out = { refused: 0, accepted: [] as string[] };
        for (const t of ALL_TOPICS.filter((x) => !svc.APP_TOPICS[app].writes.includes(x))) {
          const e = await tryWrite(k, full(prefix, t));
          if (denied.test(e)) out.refused++;
          else out.accepted.push(`${app} → ${t}${e ? ` (${e})` : ''}`);
        }
        return out;
      });
      const accepted = [...results.values()].flatMap((r) => r.accepted);
      const refused = [...results.values()].reduce((s, r) => s + r.refused, 0);
      if (accepted.length) throw new Error(`${accepted.length} of ${refused + accepted.length} not refused: ${accepted.join('; ')}`);
      return `${refused} of ${refused} (app, topic) pairs refused, among them api → mentions.raw, indexer → mentions.enriched, collector → signals`;
    });

    await check('Kafka per-app users: each app is refused reading every topic it does not consume', async () => {
      const results = await perApp(apps, async (app) => {
        const k = clientFor(svc, brokers, app);
        const out = { refused: 0, read: [] as string[] };
        for (const t of ALL_TOPICS.filter((x) => !svc.APP_TOPICS[app].reads.includes(x))) {
          const r = await tryRead(k, `${svc.appGroupPrefix(app, prefix)}-probe-${t}`, full(prefix, t));
          if (denied.test(r)) out.refused++;
          else out.read.push(`${app} ← ${t} (${r})`);
        }
        return out;
      });
      const read = [...results.values()].flatMap((r) => r.read);
      const refused = [...results.values()].reduce((s, r) => s + r.refused, 0);
      if (read.length) throw new Error(`${read.length} of ${refused + read.length} not refused: ${read.join('; ')}`);
      return `${refused} of ${refused} (app, topic) pairs refused, among them collector ← mentions.enriched, collector ← mentions.raw (which it writes), every app ← dlq`;
    });

    await check("Kafka per-app users: an app cannot join another app's consumer group", async () => {
      const results = await perApp(apps, async (app) => {
        const other = apps[(apps.indexOf(app) + 1) % apps.length]!;
        // kafkajs says only "Failed to find group coordinator"; the broker's answer is in its debug log.
        const seen: string[] = [];
        const r = await tryRead(clientFor(svc, brokers, app, seen), `${svc.appGroupPrefix(other, prefix)}`, full(prefix, svc.APP_TOPICS[app].reads[0]!));
        const why = seen.find((m) => /group authorization failed|not authorized to access group/i.test(m));
        return why && r !== 'read' ? '' : `${app} in ${other}'s group: ${r}${seen.length ? ` (${seen.at(-1)})` : ''}`;
      });
      const bad = [...results.values()].filter(Boolean);
      if (bad.length) throw new Error(bad.join('; '));
      return `${apps.length} of ${apps.length} refused (the broker's FindCoordinator answer: Group authorization failed)`;
    });
  } finally {
    await a.deleteTopics({ topics: ALL_TOPICS.map((t) => full(prefix, t)) }).catch(() => undefined);
    await a.disconnect().catch(() => undefined);
    await svc.removeAppAcls(kafkajs, brokers, prefix).catch(() => undefined);
  }
}

/**
 * Every app that uses Kafka as its own compiled process with only its own user: 20 intake posts
 * collected, analysed and indexed, the detector caught up on both its topics.
 */
export async function appPrincipalPipeline(
  svc: AppPrincipalServices,
  brokers: string,
  esEnv: Record<string, string>,
  es: Client,
  prefix: string,
  opts: { root: string; home: string; basePort: number; sourcesFile: string },
): Promise<string> {
  await svc.applyAppAcls(kafkajs, brokers, prefix);
  const key = createIntakeKey('secure');
  const common: NodeJS.ProcessEnv = {
    ...process.env,
    ...esEnv,
    VIGIL_TOPIC_PREFIX: prefix,
    VIGIL_INDEX_PREFIX: `${prefix}-`,
    INTAKE_API_KEYS: key.entry,
    VIGIL_DATA_KEYS: DataKeyRing.generateEntry('sec1'),
    API_JWT_SECRET: 'x'.repeat(64),
    SOURCES_FILE: opts.sourcesFile,
    LOG_LEVEL: 'warn',
  };
  const logDir = path.join(opts.home, 'logs', prefix);
  // One AppProcesses per app: each process gets its own Kafka user and nothing else.
  const procs = svc.KAFKA_APPS.map((app, i) => {
    const p = new AppProcesses(opts.root, { ...common, ...svc.secureKafkaAppEnv(app, brokers) }, logDir);
    p.start(app, app as ChaosApp, opts.basePort + i);
    return p;
  });
  const unhealthy = async () => (await Promise.all(procs.map((p) => p.unhealthy()))).flat();
  try {
    const deadline = Date.now() + 300_000;
    while ((await unhealthy()).length) {
      const crashed = procs.flatMap((p) => p.crashed());
      if (crashed.length) throw new Error(`exited at start: ${crashed.join(', ')} (logs in ${logDir})`);
      if (Date.now() > deadline) throw new Error(`not healthy after 5 minutes: ${(await unhealthy()).join(', ')} (logs in ${logDir})`);
      await new Promise((r) => setTimeout(r, 1_000));
    }
    const load = new IntakeLoad(`http://127.0.0.1:${opts.basePort + svc.KAFKA_APPS.indexOf('collector')}`, key.key, 1);
    const ids = await load.probes('sec', 20);
    const pattern = `${prefix}-mentions*`;
    let seen = 0;
    while (Date.now() < deadline + 120_000) {
      try {
        await es.indices.refresh({ index: pattern, ignore_unavailable: true, allow_no_indices: true });
        let n = 0;
        for (const id of ids) if (await isIndexed(es, pattern, id)) n++;
        seen = n;
        if (n === ids.length) break;
      } catch {
        // The monthly index the indexer has just made may not have its shard started yet.
      }
      await new Promise((r) => setTimeout(r, 1_000));
    }
    if (seen < ids.length) throw new Error(`${seen} of ${ids.length} posts searchable`);
    const lag = await detectorLag(svc, brokers, prefix, deadline + 120_000);
    const crashed = procs.flatMap((p) => p.crashed());
    if (crashed.length) throw new Error(`exited while running: ${crashed.join(', ')}`);
    return `${svc.KAFKA_APPS.length} apps healthy as ${svc.KAFKA_APPS.map((a) => `vigil-${a}`).join(', ')}; ${seen} of ${ids.length} searchable; detector ${lag}`;
  } finally {
    await Promise.all(procs.map((p) => p.stopAll()));
    await svc.removeAppAcls(kafkajs, brokers, prefix).catch(() => undefined);
  }
}

/** The detector's two groups (read with the admin user) committed up to the end of mentions.enriched and mentions.by-watch. */
async function detectorLag(svc: AppPrincipalServices, brokers: string, prefix: string, deadline: number): Promise<string> {
  const admin = new Kafka({ brokers: brokers.split(','), clientId: 'vigil-secure-check', logLevel: logLevel.NOTHING, ...svc.secureKafkaAdminOptions() }).admin();
  await admin.connect();
  const group = `${prefix}.vigil-detector`;
  const pairs: [string, string][] = [
    [group, full(prefix, Topics.mentionsEnriched)],
    [`${group}.by-watch`, full(prefix, Topics.mentionsByWatch)],
  ];
  try {
    let last = '';
    while (Date.now() < deadline) {
      const parts: string[] = [];
      let behind = 0;
      for (const [g, t] of pairs) {
        const ends = await admin.fetchTopicOffsets(t);
        const [committed] = await admin.fetchOffsets({ groupId: g, topics: [t] });
        const end = ends.reduce((s, p) => s + Number(p.offset), 0);
        const at = (committed?.partitions ?? []).reduce((s, p) => s + Math.max(0, Number(p.offset)), 0);
        behind += end - at;
        parts.push(`${t.slice(prefix.length + 1)} ${at}/${end}`);
      }
      last = parts.join(', ');
      if (behind === 0 && !last.includes(' 0/0')) return `committed ${last}`;
      await new Promise((r) => setTimeout(r, 2_000));
    }
    throw new Error(`the detector did not catch up: ${last}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
