import type { TopicKey } from '@vigil/contracts';
import { sleep } from '@vigil/common';
import { offsetsRetryingEmptyAnswers, type KafkaClient } from '@vigil/kafka';

/**
 * What a replay needs to know about Kafka: whether a consumer group has caught up with a
 * topic, and everything a topic holds. Through KafkaClient, so the client stays in one place.
 */
export class KafkaProgress {
  constructor(private readonly client: KafkaClient) {}

  /** Messages behind the group's committed offsets on the topic (all of them before its first commit). */
  async lag(groupId: string, key: TopicKey): Promise<number> {
    const topic = this.client.topic(key);
    const admin = await this.client.getAdmin();
    const ends = await offsetsRetryingEmptyAnswers(() => admin.fetchTopicOffsets(topic));
    const [committed] = await admin.fetchOffsets({ groupId: this.client.groupId(groupId), topics: [topic] });
    const at = new Map(committed?.partitions.map((p) => [p.partition, Number(p.offset)]) ?? []);
    return ends.reduce((sum, p) => {
      const c = at.get(p.partition) ?? -1;
      return sum + Number(p.high) - (c < 0 ? Number(p.low) : c);
    }, 0);
  }

  /**
   * Waits until the group has nothing left on the topic, twice in a row (a batch in flight
   * commits between two looks). Fails when the lag stops moving for `stallMs`.
   */
  async waitForGroup(groupId: string, key: TopicKey, stallMs: number): Promise<void> {
    let last = Infinity;
    let movedAt = Date.now();
    let zeros = 0;
    for (;;) {
      const lag = await this.lag(groupId, key);
      if (lag === 0 && ++zeros >= 2) return;
      if (lag !== 0) zeros = 0;
      if (lag < last) movedAt = Date.now();
      last = lag;
      if (Date.now() - movedAt > stallMs) throw new Error(`consumer group ${groupId} is stuck ${lag} messages behind on ${this.client.topic(key)}`);
      await sleep(lag === 0 ? 300 : 500);
    }
  }

  /** Offsets the topic holds: its messages, and on a transactional topic (signals) the transactions' markers too. */
  async count(key: TopicKey): Promise<number> {
    const admin = await this.client.getAdmin();
    return (await offsetsRetryingEmptyAnswers(() => admin.fetchTopicOffsets(this.client.topic(key)))).reduce((s, p) => s + Number(p.high) - Number(p.low), 0);
  }

  /**
   * Every message value on the topic, read (committed only) with a throwaway consumer group up
   * to the end the topic had when called. A partition is done when the consumer's position has
   * passed that end, not when a message at its last offset arrives: on a transactional topic
   * (signals) the last offsets are a transaction's commit marker or an aborted transaction's
   * messages, which never reach the handler (a replay waited for them for ever, #19). Fails when
   * the position stops moving for `stallMs`.
   */
  async readAll(key: TopicKey, stallMs = 120_000): Promise<string[]> {
    const topic = this.client.topic(key);
    const admin = await this.client.getAdmin();
    const ends = await offsetsRetryingEmptyAnswers(() => admin.fetchTopicOffsets(topic));
    const remaining = new Map(ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]));
    const out: string[] = [];
    if (!remaining.size) return out;
    const groupId = `${this.client.options.clientId}-read-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const consumer = this.client.kafka.consumer({ groupId });
    let stall: NodeJS.Timeout | undefined;
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const watch = () => {
          clearTimeout(stall);
          stall = setTimeout(() => reject(new Error(`reading ${topic}: no progress for ${stallMs / 1000} s, partitions ${[...remaining.keys()].join(', ')} not read to their end`)), stallMs);
        };
        watch();
        // After each fetch's messages were handed over, and also for a fetch of only markers or
        // aborted messages: `lastOffset` is the last offset the fetch held, whatever it was.
        consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
          if (payload.topic !== topic) return;
          watch();
          if (Number(payload.lastOffset) + 1 >= (remaining.get(payload.partition) ?? 0)) remaining.delete(payload.partition);
          if (!remaining.size) resolve();
        });
        consumer
          .run({
            eachMessage: async ({ message }) => {
              if (message.value) out.push(message.value.toString());
            },
          })
          .catch(reject);
      });
    } finally {
      clearTimeout(stall);
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    return out;
  }
}
