// One SCRAM principal per app for the secured embedded Kafka (`start --secure`), with ACLs on its
// own topics and consumer groups only, for apps run as separate processes (a split deployment, the
// chaos suite, `check:secure`). `vigil start` runs every app in one process with one client: it
// keeps the user `vigil` (kafka-security.mjs).
//
// The table says which topics each app reads and writes, from the code (consumers, producer sends,
// ensureTopics); `scripts/services/kafka-app-acls.spec.ts` reads the apps' sources and fails when
// the code and this table disagree. Topic names are the ones of libs/contracts/src/topics.ts (the
// spec checks them against it: this file is plain JavaScript the services script loads without a build).

/**
 * reads: consumed (Read); writes: produced (Write). Every app creates what it uses at start (Create).
 * transactions: produces in Kafka transactions (the detector's signals with its offsets, one
 * transactional id per partition, named under its group: `vigil-detector.by-watch.partition-N`).
 */
export const APP_TOPICS = {
  collector: { reads: ['source.tests'], writes: ['mentions.raw', 'source.test-results', 'dlq'] },
  processor: { reads: ['mentions.raw'], writes: ['mentions.enriched', 'mentions.rescored', 'dlq'] },
  indexer: { reads: ['mentions.enriched', 'mentions.corrections', 'mentions.rescored'], writes: ['dlq'] },
  detector: { reads: ['mentions.enriched', 'mentions.by-watch', 'incidents.outcomes'], writes: ['mentions.by-watch', 'signals', 'dlq'], transactions: true },
  responder: { reads: ['signals', 'ticket.actions', 'plan.edits'], writes: ['tickets.events', 'alerts', 'incidents.outcomes', 'dlq'] },
  api: { reads: ['source.test-results', 'alerts', 'tickets.events', 'mentions.enriched'], writes: ['source.tests', 'plan.edits', 'mentions.corrections', 'ticket.actions', 'dlq'] },
};

/** The apps that talk to Kafka (the reporter reads Elasticsearch only). */
export const KAFKA_APPS = Object.keys(APP_TOPICS);

export const appUsername = (app) => `vigil-${app}`;

/** Every consumer group of an app starts `vigil-<app>` (the defaults of its *_GROUP settings), under the topic prefix as KafkaClient.groupId makes it. */
export const appGroupPrefix = (app, topicPrefix = '') => `${topicPrefix ? `${topicPrefix}.` : ''}vigil-${app}`;

export const topicFullName = (name, topicPrefix = '') => (topicPrefix ? `${topicPrefix}.${name}` : name);

/**
 * The ACLs of one app's user for one topic prefix: Describe and Create on each topic it uses,
 * Read on those it consumes, Write on those it produces (topic names literal, so no other run's or
 * deployment's topic matches); Read and Describe on groups starting with its own group name
 * (prefixed); Describe and IdempotentWrite on the cluster (its producer is idempotent); Write and
 * Describe on transactional ids starting with its group name if it produces in transactions. Nothing
 * else: no Delete, no Alter, no other app's topic or group.
 */
export function appAclsFor(kafkajs, app, topicPrefix = '') {
  const { AclResourceTypes: R, AclOperationTypes: O, AclPermissionTypes: P, ResourcePatternTypes: T } = kafkajs;
  const use = APP_TOPICS[app];
  if (!use) throw new Error(`no Kafka ACLs for app ${app}`);
  const principal = `User:${appUsername(app)}`;
  const allow = (resourceType, resourceName, resourcePatternType, operation) => ({ resourceType, resourceName, resourcePatternType, principal, host: '*', operation, permissionType: P.ALLOW });
  const used = [...new Set([...use.reads, ...use.writes])];
  return [
    ...used.flatMap((t) => [O.DESCRIBE, O.CREATE].map((op) => allow(R.TOPIC, topicFullName(t, topicPrefix), T.LITERAL, op))),
    ...use.reads.map((t) => allow(R.TOPIC, topicFullName(t, topicPrefix), T.LITERAL, O.READ)),
    ...use.writes.map((t) => allow(R.TOPIC, topicFullName(t, topicPrefix), T.LITERAL, O.WRITE)),
    ...[O.READ, O.DESCRIBE].map((op) => allow(R.GROUP, appGroupPrefix(app, topicPrefix), T.PREFIXED, op)),
    ...[O.DESCRIBE, O.IDEMPOTENT_WRITE].map((op) => allow(R.CLUSTER, 'kafka-cluster', T.LITERAL, op)),
    ...(use.transactions ? [O.WRITE, O.DESCRIBE].map((op) => allow(R.TRANSACTIONAL_ID, appGroupPrefix(app, topicPrefix), T.PREFIXED, op)) : []),
  ];
}

/** Every app's ACLs for a topic prefix. */
export const allAppAcls = (kafkajs, topicPrefix = '') => KAFKA_APPS.flatMap((app) => appAclsFor(kafkajs, app, topicPrefix));
