import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { topicName, type TopicKey } from '@vigil/contracts';

/** A plain kafkajs client for tests to put messages in and read what came out. */
export class KafkaTestClient {
  readonly kafka: Kafka;
  private consumers: Consumer[] = [];

  constructor(
    brokers: string,
    private readonly prefix: string,
  ) {
    this.kafka = new Kafka({ brokers: brokers.split(','), clientId: 'vigil-test', logLevel: logLevel.NOTHING });
  }

  topic(key: TopicKey): string {
    return topicName(key, this.prefix);
  }

  async createTopics(keys: TopicKey[], partitions = 3): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: keys.map((k) => ({ topic: this.topic(k), numPartitions: partitions })) });
    await admin.disconnect();
  }

  async produce(key: TopicKey, messages: { key: string | null; value: string | Buffer }[]): Promise<void> {
    const p = this.kafka.producer();
    await p.connect();
    await p.send({ topic: this.topic(key), messages });
    await p.disconnect();
  }

  /** Collects every message of a topic from the beginning into the returned array. */
  async collect(key: TopicKey): Promise<{ key: string | null; value: string }[]> {
    const out: { key: string | null; value: string }[] = [];
    const c = this.kafka.consumer({ groupId: `collect-${this.prefix}-${key}-${Math.random()}` });
    this.consumers.push(c);
    await c.connect();
    await c.subscribe({ topic: this.topic(key), fromBeginning: true });
    await c.run({ eachMessage: async ({ message }) => void out.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? '' }) });
    return out;
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.disconnect()));
  }
}
