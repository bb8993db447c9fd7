import fs from 'node:fs';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Kafka, type Admin, type SASLOptions } from 'kafkajs';
import { topicName, type TopicKey } from '@vigil/contracts';
import { createLogger, type HealthIndicator, type HealthStatus } from '@vigil/common';
import { offsetsRetryingEmptyAnswers } from './topic-offsets';
import { KAFKA_OPTIONS, type KafkaOptions } from './kafka-options';
import { kafkaLogCreator } from './kafka-log';
import { explainConnectError } from './kafka-connect-error';

/** The one place that holds the kafkajs client: topic names, admin, health. */
/** Topics whose latest message per key is the truth, read whole by their consumers at start (issue #14's outcomes). */
const COMPACTED_TOPICS: TopicKey[] = ['incidentOutcomes'];

@Injectable()
export class KafkaClient implements OnApplicationShutdown, HealthIndicator {
  readonly kafka: Kafka;
  readonly logger = createLogger('kafka');
  private admin?: Admin;

  constructor(@Inject(KAFKA_OPTIONS) readonly options: KafkaOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      // TLS and SASL for brokers beyond this machine (see serviceConnections and docs/security.md).
      ssl: options.ssl ? (options.ssl.caFile ? { ca: [fs.readFileSync(options.ssl.caFile, 'utf8')] } : true) : undefined,
      sasl: options.sasl as SASLOptions | undefined,
      logCreator: kafkaLogCreator(this.logger),
      retry: { retries: 10, initialRetryTime: 200, maxRetryTime: 10_000 },
    });
  }

  topic(key: TopicKey): string {
    return topicName(key, this.options.topicPrefix);
  }

  /**
   * A consumer group's name under the topic prefix: deployments and test runs that share a
   * Kafka but read different topics must not share a group, or each member's subscription
   * keeps the others rebalancing. An empty prefix leaves the name as configured.
   */
  groupId(name: string): string {
    return this.options.topicPrefix ? `${this.options.topicPrefix}.${name}` : name;
  }

  /**
   * Creates the topics if missing; safe to call from every process at start. Calls in one process
   * run one after another: two creations in flight on one admin client made kafkajs fail its
   * wait for leaders with "This server does not host this topic-partition".
   */
  ensureTopics(keys: TopicKey[]): Promise<void> {
    // The first request after connecting: a TLS client on a SASL listener is shut out only here.
    const run = this.creating.then(() => this.createMissing(keys)).catch((e: unknown) => {
      throw explainConnectError(e, this.options);
    });
    this.creating = run.catch(() => undefined);
    return run;
  }

  private creating: Promise<void> = Promise.resolve();

  private async createMissing(keys: TopicKey[]): Promise<void> {
    const admin = await this.getAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = keys.map((k) => this.topic(k)).filter((t) => !existing.has(t));
    // Topics read whole at every start keep only the latest message per key.
    const compacted = new Set(COMPACTED_TOPICS.map((k) => this.topic(k)));
    if (!missing.length) return;
    // Three copies on a cluster of three or more brokers (which then accepts a write once
    // min.insync.replicas of them have it), one on a single broker.
    const replicationFactor = Math.min(3, (await admin.describeCluster()).brokers.length);
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: this.options.partitions ?? 3, replicationFactor, ...(compacted.has(topic) && { configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }) })),
      });
    } catch (e) {
      // Another process created it between list and create: fine.
      if (String((e as Error).message).includes('already exists')) return;
      // The topics were created but the broker's metadata did not list them yet (seen on a busy
      // shared Kafka); kafkajs waits out only a missing leader, so wait for them here, bounded.
      if ((e as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw e;
      await this.waitForLeaders(admin, missing);
    }
  }

  private async waitForLeaders(admin: Admin, topics: string[], timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const { topics: meta } = await admin.fetchTopicMetadata({ topics });
        if (meta.length === topics.length && meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
      } catch (e) {
        if (Date.now() > deadline) throw e;
      }
      if (Date.now() > deadline) throw new Error(`Kafka topics without a leader after ${timeoutMs} ms: ${topics.join(', ')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** How many partitions a topic has now (it must exist). */
  async partitionCount(key: TopicKey): Promise<number> {
    const admin = await this.getAdmin();
    const { topics } = await admin.fetchTopicMetadata({ topics: [this.topic(key)] });
    const n = topics[0]?.partitions.length ?? 0;
    if (!n) throw new Error(`topic ${this.topic(key)} has no partitions`);
    return n;
  }

  /**
   * A group's committed position on one partition with the metadata committed with it; without a
   * commit, the partition's earliest offset (where a consumer reading from the beginning starts).
   */
  async committedOffset(groupName: string, key: TopicKey, partition: number): Promise<{ offset: string; metadata: string | null }> {
    const admin = await this.getAdmin();
    const topic = this.topic(key);
    const [offsets] = await admin.fetchOffsets({ groupId: this.groupId(groupName), topics: [topic] });
    const p = offsets?.partitions.find((x) => x.partition === partition);
    if (p && p.offset !== '-1') return { offset: p.offset, metadata: p.metadata ?? null };
    const earliest = (await offsetsRetryingEmptyAnswers(() => admin.fetchTopicOffsets(topic))).find((x) => x.partition === partition);
    return { offset: earliest?.low ?? '0', metadata: null };
  }

  /** Deletes every topic whose name starts with `prefix` (a run's `<prefix>.`). Returns how many. */
  async deleteTopicsWithPrefix(prefix: string): Promise<number> {
    const admin = await this.getAdmin();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length) await admin.deleteTopics({ topics });
    return topics.length;
  }

  /**
   * Deletes the consumer groups whose id starts with `prefix` (a run's `<prefix>.`, see `groupId`)
   * and that have no member. A group with members is left alone and listed in `busy`: deleting it
   * would fail (Kafka refuses a non-empty group) and its members would only make it again.
   */
  async deleteGroupsWithPrefix(prefix: string): Promise<{ deleted: string[]; busy: { groupId: string; members: number }[] }> {
    const admin = await this.getAdmin();
    const ids = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix));
    if (!ids.length) return { deleted: [], busy: [] };
    const { groups } = await admin.describeGroups(ids);
    const busy = groups.filter((g) => g.members.length > 0).map((g) => ({ groupId: g.groupId, members: g.members.length }));
    const empty = groups.filter((g) => g.members.length === 0 && g.state !== 'Dead').map((g) => g.groupId);
    if (!empty.length) return { deleted: [], busy };
    try {
      await admin.deleteGroups(empty);
      return { deleted: empty, busy };
    } catch (e) {
      // A member joined between describe and delete (NON_EMPTY_GROUP), or the group went meanwhile.
      const failed = (e as { groups?: { groupId: string; error?: { type?: string } }[] }).groups;
      if (!failed) throw e;
      const gone = new Set(failed.filter((f) => f.error?.type === 'GROUP_ID_NOT_FOUND').map((f) => f.groupId));
      const refused = failed.filter((f) => !gone.has(f.groupId));
      const refusedIds = new Set(refused.map((f) => f.groupId));
      return { deleted: empty.filter((g) => !refusedIds.has(g)), busy: [...busy, ...refused.map((f) => ({ groupId: f.groupId, members: -1 }))] };
    }
  }

  async health(): Promise<HealthStatus> {
    try {
      const admin = await this.getAdmin();
      const c = await admin.describeCluster();
      return { name: 'kafka', healthy: c.brokers.length > 0, detail: `${c.brokers.length} broker(s)` };
    } catch (e) {
      return { name: 'kafka', healthy: false, detail: (e as Error).message };
    }
  }

  /** One connected admin client per process, shared (closed at shutdown). */
  async getAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect().catch((e: unknown) => {
        throw explainConnectError(e, this.options);
      });
      this.admin = admin;
    }
    return this.admin;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }
}
