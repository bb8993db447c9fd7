import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { CompressionTypes, Partitioners, type Producer } from 'kafkajs';
import type { TopicKey } from '@vigil/contracts';
import { sleep } from '@vigil/common';
import { KafkaClient } from './kafka-client';
import type { OutgoingMessage } from './message-producer';

/** Another producer started with the same transactional id since this one did: its writes are refused. */
export class ProducerFencedError extends Error {
  constructor(readonly transactionalId: string) {
    super(`transactional producer ${transactionalId} was fenced by a newer one with the same id`);
  }
}

/** What one transaction writes: messages and a consumer group's next offset (with its metadata), all or nothing. */
export interface TransactionWrite {
  messages: { topic: TopicKey; messages: OutgoingMessage[] }[];
  offsets: { groupId: string; topic: TopicKey; partition: number; offset: string; metadata: string };
}

/** Refusals that mean a newer producer of the same id exists (the broker bumped the epoch). */
const FENCED = new Set(['INVALID_PRODUCER_EPOCH', 'PRODUCER_FENCED', 'INVALID_PRODUCER_ID_MAPPING']);
/** The previous transaction's markers are still being written: Java's client waits and asks again; kafkajs does not for offsets. */
const CONCURRENT = 'CONCURRENT_TRANSACTIONS';

/**
 * Kafka transactions, one producer per transactional id (the detector: one id per partition it
 * holds). `start(id)` is the fence: the broker bumps the id's epoch, aborts a transaction an
 * older producer of that id left open (or waits for its commit to finish), and refuses every
 * later write of the older producer, in this process or any other. Messages and the offsets
 * commit together, so a consumer reading with isolation read_committed (ours: kafkajs' default,
 * `readUncommitted: false`) sees a transaction's messages once or not at all.
 * Any failure closes the producer: only `start` opens it again, so an instance that was fenced
 * never fences the new owner back by starting itself again on its own.
 */
@Injectable()
export class TransactionalProducer implements OnApplicationShutdown {
  private readonly producers = new Map<string, Producer>();

  constructor(private readonly client: KafkaClient) {}

  async start(transactionalId: string): Promise<void> {
    await this.close(transactionalId);
    const p = this.client.kafka.producer({
      transactionalId: this.client.groupId(transactionalId),
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await p.connect();
    // kafkajs asks for the producer id (the fencing InitProducerId) with the first transaction;
    // an empty one sends nothing else.
    const t = await p.transaction();
    await t.abort();
    this.producers.set(transactionalId, p);
  }

  isStarted(transactionalId: string): boolean {
    return this.producers.has(transactionalId);
  }

  /** One transaction: the offsets first (their request waits out the previous transaction's end), then the messages, then the commit. */
  async commit(transactionalId: string, write: TransactionWrite): Promise<void> {
    const p = this.producers.get(transactionalId);
    if (!p) throw new Error(`transactional producer ${transactionalId} is not started`);
    try {
      const t = await p.transaction();
      const { groupId, topic, partition, offset, metadata } = write.offsets;
      const topicName = this.client.topic(topic);
      await waitOutConcurrent(() =>
        t.sendOffsets({ consumerGroupId: this.client.groupId(groupId), topics: [{ topic: topicName, partitions: [{ partition, offset, metadata } as { partition: number; offset: string }] }] }),
      );
      const topicMessages = write.messages
        .filter((m) => m.messages.length)
        .map((m) => ({ topic: this.client.topic(m.topic), messages: m.messages.map((x) => ({ key: x.key, value: JSON.stringify(x.value), headers: x.headers })) }));
      if (topicMessages.length) await t.sendBatch({ topicMessages, acks: -1, compression: CompressionTypes.None });
      await t.commit();
    } catch (e) {
      await this.close(transactionalId);
      if (FENCED.has((e as { type?: string }).type ?? '')) throw new ProducerFencedError(transactionalId);
      throw e;
    }
  }

  /** Disconnects the id's producer; an open transaction of it is aborted by the broker (on its time-out, or the next start). */
  async close(transactionalId: string): Promise<void> {
    const p = this.producers.get(transactionalId);
    this.producers.delete(transactionalId);
    await p?.disconnect().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.producers.keys()].map((id) => this.close(id)));
  }
}

async function waitOutConcurrent<T>(request: () => Promise<T>, attempts = 200): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await request();
    } catch (e) {
      if ((e as { type?: string }).type !== CONCURRENT || i >= attempts) throw e;
      await sleep(Math.min(10 * i, 100));
    }
  }
}
