/**
 * The secured path to Kafka and Elasticsearch (issue #20, docs/security.md) on real secured servers:
 * `services start --secure` on a state folder and ports of its own, never the shared ones —
 * Elasticsearch with security on, TLS on HTTP from a CA made by elasticsearch-certutil, users with
 * passwords; Kafka with a SASL_SSL listener only (a CA made by openssl, SCRAM-SHA-512 users).
 * Checks, each printed PASS/FAIL:
 *  - Kafka: the printed settings (KAFKA_SSL, KAFKA_SSL_CA_FILE, KAFKA_SASL_*) pass serviceConnections
 *    and Vigil's KafkaClient reaches the broker with them; without the CA the certificate is refused;
 *    a plain-text client is refused; the compiled processor given a wrong password stops at start
 *    with a message naming the SASL settings; with the authorizer on, an authenticated user with no
 *    ACL can neither read nor write Vigil's topics, and the apps' user cannot create ACLs;
 *  - Elasticsearch: the settings (ELASTICSEARCH_URL https, ELASTICSEARCH_CA_FILE, user/password) pass
 *    serviceConnections and reach the node; without the CA the certificate is refused; a wrong
 *    password is refused; the role stops at `vigil-*`; an API key works (where the distribution can
 *    make one);
 *  - the compiled collector, processor and indexer, started with those settings only (the user,
 *    then the API key), index every intake post;
 *  - `vigil start`'s demo seeding (watches, knowledge) reaches the secured Elasticsearch with the
 *    settings ensureServices returns (with the URL alone it failed on the certificate);
 *  - per-app users (secure-app-principals.ts): each app's own user reads and writes its own topics
 *    and is refused every other topic and another app's group; every app as its own process with
 *    only its own user runs the pipeline.
 * With --cluster: three brokers and two Elasticsearch nodes (TLS between them too, one CA each), and
 * every broker and node is checked with the same settings.
 * Usage: npm run check:secure [-- --cluster]   (VIGIL_SECURE_HOME, VIGIL_SECURE_KAFKA_PORT,
 * VIGIL_SECURE_ES_PORT, VIGIL_SECURE_APP_PORT move it; --keep-services leaves the servers running)
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from '@elastic/elasticsearch';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, logLevel, ResourcePatternTypes, type KafkaConfig } from 'kafkajs';
import { BaseConfig, loadConfig, serviceConnections } from '../../libs/common/src';
import { KafkaClient } from '../../libs/kafka/src/kafka-client';
import { explainConnectError } from '../../libs/kafka/src/kafka-connect-error';
import { createIntakeKey } from '../../apps/collector/src/intake/intake-keys';
import { DataKeyRing } from '../../libs/common/src/data-keys';
import { AppProcesses } from './app-processes';
import { isIndexed } from './audit';
import { IntakeLoad } from './intake-load';
import { appAclProbes, appPrincipalPipeline, type AppPrincipalServices } from './secure-app-principals';
import { useServices } from '../../apps/cli/src/start/start.command';
import { seedDemoWatches } from '../../apps/cli/src/start/seed-demo-watches';
import { seedDemoKnowledge } from '../../apps/cli/src/start/seed-demo-knowledge';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { loadResponderConfig } from '../../apps/responder/src/responder.config';

const root = path.resolve(__dirname, '../..');
const say = (msg: string) => process.stderr.write(`[secure] ${msg}\n`);
const results: [string, boolean, string][] = [];
const check = async (what: string, fn: () => Promise<string | void>) => {
  try {
    const note = await fn();
    results.push([what, true, note ?? '']);
  } catch (e) {
    results.push([what, false, (e as Error).message.split('\n')[0]!.slice(0, 200)]);
  }
  const [, ok, note] = results.at(-1)!;
  say(`${ok ? 'PASS' : 'FAIL'} ${what}${note ? ` (${note})` : ''}`);
};
const expectFailure = async (fn: () => Promise<unknown>, pattern: RegExp): Promise<string> => {
  try {
    await fn();
  } catch (e) {
    const msg = String((e as Error).message);
    if (pattern.test(msg)) return msg.slice(0, 120);
    throw new Error(`failed, but not as expected: ${msg}`, { cause: e });
  }
  throw new Error('was accepted');
};

const clustered = process.argv.includes('--cluster');

interface Services extends AppPrincipalServices {
  cluster: boolean;
  ensureServices(): Promise<{ kafkaBrokers: string; elasticsearchUrl: string }>;
  stopServices(names?: string[]): Promise<void>;
  clientEnv(): Record<string, string>;
  secureKafkaAdminOptions(): Pick<KafkaConfig, 'ssl' | 'sasl'>;
  nodes: { elasticsearch: { name: string; port: number }[] };
}

async function main(): Promise<void> {
  const isRoot = process.getuid?.() === 0;
  process.env.VIGIL_HOME = process.env.VIGIL_SECURE_HOME ?? (isRoot ? '/var/lib/vigil-secure' : path.join(root, '.vigil-secure'));
  process.env.VIGIL_ES_PORT = process.env.VIGIL_SECURE_ES_PORT ?? '29202';
  process.env.VIGIL_KAFKA_PORT = process.env.VIGIL_SECURE_KAFKA_PORT ?? '29095';
  process.env.VIGIL_SECURE = 'true';
  // Both servers are this check's own: settings for others would point it elsewhere.
  process.env.VIGIL_CLUSTER = String(clustered);
  for (const k of ['VIGIL_ES_TRANSPORT_PORT', 'VIGIL_KAFKA_CONTROLLER_PORT', 'ELASTICSEARCH_URL', 'KAFKA_BROKERS', ...Object.keys(process.env).filter((k) => /^(KAFKA_SSL|KAFKA_SASL_|ELASTICSEARCH_)/.test(k))]) delete process.env[k];
  const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<unknown>;
  const services = (await importEsm(pathToFileURL(path.join(root, 'scripts', 'services.mjs')).href)) as Services;
  if (services.cluster !== clustered) throw new Error(`${process.env.VIGIL_HOME} holds a ${services.cluster ? 'cluster' : 'single-node'} setup: use another VIGIL_SECURE_HOME, or stop it first`);
  await services.ensureServices();
  const node = services.nodes.elasticsearch[0]!;
  const allEnv = services.clientEnv();
  const kafkaEnv = Object.fromEntries(Object.entries(allEnv).filter(([k]) => k.startsWith('KAFKA_')));
  const secureEnv = Object.fromEntries(Object.entries(allEnv).filter(([k]) => k.startsWith('ELASTICSEARCH_')));
  const kafkaBrokers = kafkaEnv.KAFKA_BROKERS!;
  const creds = JSON.parse(fs.readFileSync(path.join(process.env.VIGIL_HOME, node.name, 'credentials.json'), 'utf8')) as { adminUsername: string; adminPassword: string };
  const ca = fs.readFileSync(secureEnv.ELASTICSEARCH_CA_FILE!, 'utf8');
  const admin = new Client({ nodes: secureEnv.ELASTICSEARCH_URL!.split(','), auth: { username: creds.adminUsername, password: creds.adminPassword }, tls: { ca } });
  const prefix = `vigil-sec${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  try {
    await kafkaChecks(kafkaEnv, `${prefix}-k`);
    await appAclProbes(check, services, kafkaBrokers, `${prefix}-q`);
    const conn = serviceConnections(loadConfig(BaseConfig, { ...secureEnv, KAFKA_BROKERS: kafkaBrokers }));
    const user = new Client({ nodes: conn.search.node.split(','), auth: conn.search.auth, tls: { ca: fs.readFileSync(conn.search.caFile!, 'utf8') } });
    await check('user + CA from the settings: cluster health over TLS', async () => `cluster ${(await user.cluster.health()).status}`);
    if (clustered) {
      await check('every Elasticsearch node: TLS with the one CA file, the same user, every node joined', async () => {
        const seen: string[] = [];
        for (const url of conn.search.node.split(',')) {
          const one = new Client({ node: url, auth: conn.search.auth, tls: { ca: fs.readFileSync(conn.search.caFile!, 'utf8') }, maxRetries: 0 });
          const h = await one.cluster.health();
          if (h.number_of_nodes !== services.nodes.elasticsearch.length) throw new Error(`${url} sees ${h.number_of_nodes} node(s)`);
          seen.push(`${new URL(url).port}: ${h.number_of_nodes} nodes, ${h.status}`);
          await one.close();
        }
        return seen.join('; ');
      });
    }
    await check('user + CA: write and read an index under vigil-*', async () => {
      await user.index({ index: `${prefix}-probe`, id: '1', document: { ok: true }, refresh: true });
      return `read back: ${JSON.stringify((await user.get({ index: `${prefix}-probe`, id: '1' }))._source)}`;
    });
    await check('the role stops at vigil-*: another index is refused', () => expectFailure(() => user.index({ index: 'not-vigil', document: { x: 1 } }), /security_exception|unauthorized/i));
    await check('without the CA file the certificate is refused', () => expectFailure(() => new Client({ node: conn.search.node.split(',')[0]!, auth: conn.search.auth, maxRetries: 0 }).cluster.health(), /certificate|self.signed|unable to verify/i));
    await check('a wrong password is refused (401)', () => expectFailure(() => new Client({ node: conn.search.node.split(',')[0]!, auth: { username: 'vigil', password: 'wrong' }, tls: { ca }, maxRetries: 0 }).cluster.health(), /security_exception|401|unable to authenticate/i));
    await check('plain http to the TLS port fails', () => expectFailure(() => new Client({ node: conn.search.node.split(',')[0]!.replace('https:', 'http:'), maxRetries: 0, requestTimeout: 5_000 }).cluster.health(), /.+/));
    // API keys live in the .security index, whose mapping needs the analysis-common module the
    // integ-test distribution lacks ("Unknown filter type [pattern_capture]"): said, not hidden.
    const key = await admin.security
      .createApiKey({ name: `vigil-check-${prefix}`, role_descriptors: { vigil: { cluster: ['monitor', 'manage_index_templates'], indices: [{ names: ['vigil-*'], privileges: ['all'] }] } } })
      .catch((e: unknown) => {
        if (!/pattern_capture/.test(String((e as Error).message))) throw e;
        say('SKIP API keys: this Elasticsearch distribution cannot create its .security index (no analysis-common module); the full distribution can');
        return undefined;
      });
    if (key) {
      await check('an API key with the documented role writes under vigil-*', async () => {
        const c = serviceConnections(loadConfig(BaseConfig, { ELASTICSEARCH_URL: conn.search.node, ELASTICSEARCH_API_KEY: key.encoded, ELASTICSEARCH_CA_FILE: secureEnv.ELASTICSEARCH_CA_FILE }));
        const k = new Client({ nodes: c.search.node.split(','), auth: c.search.auth, tls: { ca } });
        await k.index({ index: `${prefix}-probe`, id: '2', document: { ok: true }, refresh: true });
        return `${(await k.count({ index: `${prefix}-probe` })).count} documents`;
      });
    }
    await check("vigil start's demo seeding (watches, knowledge) on the secured Elasticsearch, with what ensureServices returns", async () => {
      // As runStart does: the settings ensureServices returned, into the environment the seeding reads.
      const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_INDEX_PREFIX: `${prefix}-d-` };
      useServices({ kafkaBrokers, elasticsearchUrl: secureEnv.ELASTICSEARCH_URL!, started: [], env: allEnv }, env);
      // Bounded: the old seeding's certificate refusal is retried by ensureIndices as "busy or away" for 10 minutes.
      const [watches, knowledge] = await within(180_000, 'the demo seeding', async () => [
        await seedDemoWatches(loadApiConfig(env), path.join(root, 'demo', 'watches.yaml')),
        await seedDemoKnowledge(loadApiConfig(env), path.join(root, 'demo', 'knowledge.yaml'), loadResponderConfig(env).PLAN_FILE),
      ]);
      if (!watches.length || !knowledge.length) throw new Error(`seeded ${watches.length} watches and ${knowledge.length} knowledge entries`);
      return `${watches.length} watches, ${knowledge.length} knowledge entries created`;
    });
    const settings: [string, Record<string, string>][] = [['user and password', secureEnv]];
    if (key) settings.push(['API key', { ELASTICSEARCH_URL: secureEnv.ELASTICSEARCH_URL!, ELASTICSEARCH_CA_FILE: secureEnv.ELASTICSEARCH_CA_FILE!, ELASTICSEARCH_API_KEY: key.encoded }]);
    for (const [label, esEnv] of settings) {
      await check(`collector → processor → indexer over SASL_SSL Kafka and the ${label}: every intake post indexed`, () => pipeline(kafkaEnv, esEnv, `${prefix}-${label === 'API key' ? 'a' : 'u'}`, admin));
    }
    await check('every app as its own process with its own Kafka user (only its ACLs): all healthy, every intake post indexed, the detector caught up', () =>
      appPrincipalPipeline(services, kafkaBrokers, secureEnv, admin, `${prefix}-p`, {
        root,
        home: process.env.VIGIL_HOME!,
        basePort: Number(process.env.VIGIL_SECURE_APP_PORT ?? 3460) + 10,
        sourcesFile: emptySources(),
      }),
    );
  } finally {
    // By name: Elasticsearch 8 refuses wildcard deletes (action.destructive_requires_name).
    await admin.indices
      .get({ index: `${prefix}*`, allow_no_indices: true, ignore_unavailable: true, expand_wildcards: 'all' })
      .then(async (found) => {
        if (Object.keys(found).length) await admin.indices.delete({ index: Object.keys(found) });
      })
      .catch((e: unknown) => say(`could not drop the run's indices: ${(e as Error).message}`));
    await admin.close();
    await dropTopics(kafkaBrokers, services.secureKafkaAdminOptions(), prefix).catch((e: unknown) => say(`could not drop the run's topics: ${(e as Error).message}`));
    if (!process.argv.includes('--keep-services')) await services.stopServices();
  }
  const failed = results.filter(([, ok]) => !ok).length;
  process.stdout.write(`\nsecured Kafka and Elasticsearch path, ${new Date().toISOString()}: ${results.length - failed} passed, ${failed} failed\n`);
  process.exitCode = failed ? 1 : 0;
}

async function within<T>(ms: number, what: string, fn: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([fn(), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

function emptySources(): string {
  const file = path.join(process.env.VIGIL_HOME!, 'empty-sources.yaml');
  fs.writeFileSync(file, 'sources: []\n');
  return file;
}

/** The run's topics (as the broker's admin user). */
async function dropTopics(brokers: string, security: Pick<KafkaConfig, 'ssl' | 'sasl'>, prefix: string): Promise<void> {
  const admin = new Kafka({ brokers: brokers.split(','), clientId: 'vigil-secure-check', logLevel: logLevel.NOTHING, ...security }).admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${prefix}-`));
  if (topics.length) await admin.deleteTopics({ topics });
  await admin.disconnect();
}

/**
 * The secured broker as Vigil's settings reach it: the lib's own KafkaClient with what
 * serviceConnections makes of them; refusals through kafkajs with no retries (the apps' client
 * retries for about a minute), explained as the apps explain them; a wrong password through the
 * compiled processor, which must stop at start and say why.
 */
async function kafkaChecks(kafkaEnv: Record<string, string>, prefix: string): Promise<void> {
  const conn = serviceConnections(loadConfig(BaseConfig, kafkaEnv)).kafka;
  const brokers = conn.brokers;
  await check('Kafka: the printed settings pass the start-up check and reach the broker over SASL_SSL', async () => {
    const client = new KafkaClient({ ...conn, clientId: 'vigil-secure-check', topicPrefix: prefix });
    try {
      const h = await client.health();
      if (!h.healthy) throw new Error(h.detail);
      if (clustered && !h.detail?.startsWith(`${brokers.length} broker`)) throw new Error(`expected ${brokers.length} brokers: ${h.detail}`);
      await client.ensureTopics(['mentionsRaw']);
      return `${h.detail}; topic ${client.topic('mentionsRaw')} created as ${conn.sasl!.username}`;
    } finally {
      await client.onApplicationShutdown();
    }
  });
  const refused = async (label: string, opts: Pick<KafkaConfig, 'ssl' | 'sasl'>, explained: Parameters<typeof explainConnectError>[1], pattern: RegExp) =>
    check(label, () =>
      expectFailure(async () => {
        const admin = new Kafka({ brokers, clientId: 'vigil-secure-check', logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 5_000, ...opts }).admin();
        try {
          // kafkajs connects a TLS client to a SASL listener; its first request is refused.
          await admin
            .connect()
            .then(() => admin.describeCluster())
            .catch((e: unknown) => {
              throw explainConnectError(e, explained);
            });
        } finally {
          await admin.disconnect().catch(() => undefined);
        }
      }, pattern),
    );
  await aclChecks(brokers, conn, prefix);
  const sasl = conn.sasl as KafkaConfig['sasl'];
  await refused('Kafka: without the CA file the certificate is refused', { ssl: true, sasl }, { brokers, ssl: {}, sasl: conn.sasl }, /not trusted: set KAFKA_SSL_CA_FILE/);
  await refused('Kafka: a plain-text client is refused', {}, { brokers }, /closed the connection: if its listener is SASL_SSL/);
  await refused('Kafka: TLS without SASL is refused', { ssl: { ca: [fs.readFileSync(conn.ssl!.caFile!, 'utf8')] } }, { brokers, ssl: conn.ssl }, /closed the connection/);
  await check('Kafka: the processor with a wrong password stops at start, naming the SASL settings', async () => {
    const logDir = path.join(process.env.VIGIL_HOME!, 'logs', prefix);
    const apps = new AppProcesses(root, { ...process.env, ...kafkaEnv, KAFKA_SASL_PASSWORD: 'not-the-password', VIGIL_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn' }, logDir);
    apps.start('processor', 'processor', Number(process.env.VIGIL_SECURE_APP_PORT ?? 3460) + 4);
    const deadline = Date.now() + 60_000;
    try {
      while (!apps.crashed().includes('processor')) {
        if (Date.now() > deadline) throw new Error('still running after 60 s');
        await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      await apps.stopAll();
    }
    const log = fs.readFileSync(path.join(logDir, 'processor.log'), 'utf8');
    const line = /Kafka \(.*\) refused the SASL user vigil with scram-sha-512: check KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD[^\n(]*/.exec(log);
    if (!line) throw new Error(`exited without the expected message; log: ${log.slice(0, 300)}`);
    if (log.includes('not-the-password')) throw new Error('the password was written to the log');
    return line[0];
  });
}

/**
 * The authorizer: an authenticated user with no ACL (`vigil-outsider`, made at format time) may not
 * see or write Vigil's topics nor join its groups, and the apps' own user may not grant itself more.
 */
async function aclChecks(brokers: string[], conn: ReturnType<typeof serviceConnections>['kafka'], prefix: string): Promise<void> {
  const creds = JSON.parse(fs.readFileSync(path.join(process.env.VIGIL_HOME!, 'kafka-credentials.json'), 'utf8')) as { outsiderPassword?: string };
  const ssl = { ca: [fs.readFileSync(conn.ssl!.caFile!, 'utf8')] };
  const topic = `${prefix}.mentions.raw`;
  const as = (username: string, password: string) => new Kafka({ brokers, clientId: 'vigil-secure-check', logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 5_000, ssl, sasl: { mechanism: 'scram-sha-512', username, password } });
  const outsider = as('vigil-outsider', creds.outsiderPassword ?? '');
  // A folder formatted before the outsider user existed refuses it at SASL, which proves nothing about ACLs.
  const notSasl = (e: unknown) => {
    if (/SASL|authentication failed/i.test(String((e as Error).message))) throw new Error(`vigil-outsider could not sign in (a state folder formatted before it existed: reset it): ${(e as Error).message}`);
    throw e;
  };
  await check('Kafka ACLs: an authenticated user with no ACL cannot read a Vigil topic', () =>
    expectFailure(async () => {
      const admin = outsider.admin();
      try {
        await admin.connect().catch(notSasl);
        await admin.fetchTopicMetadata({ topics: [topic] });
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    }, /not authorized|authorization failed/i),
  );
  await check('Kafka ACLs: an authenticated user with no ACL cannot write to a Vigil topic', () =>
    expectFailure(async () => {
      const producer = outsider.producer({ retry: { retries: 0 } });
      try {
        await producer.connect().catch(notSasl);
        await producer.send({ topic, messages: [{ value: 'not allowed' }] });
      } finally {
        await producer.disconnect().catch(() => undefined);
      }
    }, /not authorized|authorization failed/i),
  );
  await check("Kafka ACLs: the apps' user cannot grant itself more (create an ACL)", () =>
    expectFailure(async () => {
      const admin = as(conn.sasl!.username, conn.sasl!.password).admin();
      try {
        await admin.connect();
        await admin.createAcls({
          acl: [{ resourceType: AclResourceTypes.CLUSTER, resourceName: 'kafka-cluster', resourcePatternType: ResourcePatternTypes.LITERAL, principal: `User:${conn.sasl!.username}`, host: '*', operation: AclOperationTypes.ALL, permissionType: AclPermissionTypes.ALLOW }],
        });
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    }, /not authorized|authorization failed/i),
  );
}

/** The compiled apps as their own processes with the given settings; 20 intake posts must all be searchable. */
async function pipeline(kafkaEnv: Record<string, string>, esEnv: Record<string, string>, prefix: string, admin: Client): Promise<string> {
  const key = createIntakeKey('secure');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...esEnv,
    ...kafkaEnv,
    VIGIL_TOPIC_PREFIX: prefix,
    VIGIL_INDEX_PREFIX: `${prefix}-`,
    INTAKE_API_KEYS: key.entry,
    VIGIL_DATA_KEYS: DataKeyRing.generateEntry('sec1'),
    SOURCES_FILE: emptySources(),
    LOG_LEVEL: 'warn',
  };
  const base = Number(process.env.VIGIL_SECURE_APP_PORT ?? 3460);
  const apps = new AppProcesses(root, env, path.join(process.env.VIGIL_HOME!, 'logs', prefix));
  try {
    apps.start('collector', 'collector', base + 1);
    apps.start('processor', 'processor', base + 2);
    apps.start('indexer', 'indexer', base + 3);
    const deadline = Date.now() + 240_000;
    while ((await apps.unhealthy()).length) {
      if (Date.now() > deadline) throw new Error(`not healthy: ${(await apps.unhealthy()).join(', ')}`);
      await new Promise((r) => setTimeout(r, 1_000));
    }
    const load = new IntakeLoad(`http://127.0.0.1:${base + 1}`, key.key, 1);
    const ids = await load.probes('sec', 20);
    const pattern = `${prefix}-mentions*`;
    let seen = 0;
    let lastError = '';
    while (Date.now() < deadline) {
      try {
        await admin.indices.refresh({ index: pattern, ignore_unavailable: true, allow_no_indices: true });
        let n = 0;
        for (const id of ids) if (await isIndexed(admin, pattern, id)) n++;
        if (n === ids.length) return `${n} of ${ids.length} searchable`;
        seen = n;
      } catch (e) {
        // The monthly index the indexer has just made may not have its shard started yet.
        lastError = (e as Error).message.split('\n')[0]!;
      }
      await new Promise((r) => setTimeout(r, 1_000));
    }
    throw new Error(`${seen} of ${ids.length} posts searchable after 4 minutes${lastError ? ` (last search error: ${lastError})` : ''}`);
  } finally {
    await apps.stopAll();
  }
}

// Exits when done: a check that timed out may leave a client retrying in the background.
main().then(() => process.exit(process.exitCode ?? 0)).catch((e: unknown) => {
  say(`failed: ${(e as Error).stack ?? String(e)}`);
  process.exit(2);
});
