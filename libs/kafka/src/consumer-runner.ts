import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { parseMessage, type DeadLetter, type ParseResult, type TopicKey } from '@vigil/contracts';
import { backoffDelay, sleep } from '@vigil/common';
import type { KafkaClient } from './kafka-client';
import type { MessageProducer } from './message-producer';

export interface ConsumedMessage<T> {
  key: string | null;
  value: T;
  partition: number;
  offset: string;
  timestamp: string;
}

/** A message the handler cannot ever process: it goes to the DLQ, not back to the queue. */
export interface PermanentFailure {
  offset: string;
  error: string;
}

export interface ConsumeOptions<T> {
  groupId: string;
  topic: TopicKey;
  schema: z.ZodType<T>;
  /**
   * Processes a chunk of valid messages. Throwing means "try again later" (a broken
   * server): nothing is committed and the chunk is retried with back-off. Returning
   * failures sends just those messages to the DLQ.
   */
  handle: (messages: ConsumedMessage<T>[]) => Promise<PermanentFailure[] | void>;
  /** Messages per handler call. */
  chunkSize?: number;
  fromBeginning?: boolean;
  logger: Logger;
}

const MAX_DLQ_VALUE = 64 * 1024;

/**
 * At-least-once consumption: an offset is committed only after its message was
 * handled or set aside in the DLQ. Duplicates after a crash are expected and made
 * harmless downstream by deterministic ids.
 */
export class ConsumerRunner<T> {
  private consumer?: Consumer;
  private stopping = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly client: KafkaClient,
    private readonly producer: MessageProducer,
    private readonly options: ConsumeOptions<T>,
  ) {}

  async start(): Promise<void> {
    const { groupId, topic, fromBeginning = true } = this.options;
    const consumer = this.client.kafka.consumer({
      groupId: this.client.groupId(groupId),
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      retry: { retries: 10 },
      maxWaitTimeInMs: 200,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, (e) => {
      const { error, restart } = e.payload as { error: Error; restart: boolean };
      this.options.logger.error({ groupId, err: error.message, restart }, 'consumer crashed');
      // kafkajs gives up on non-retriable errors; start over rather than sit idle.
      if (!restart && !this.stopping) void this.restart();
    });
    await consumer.connect();
    await consumer.subscribe({ topic: this.client.topic(topic), fromBeginning });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  pause(): void {
    this.consumer?.pause([{ topic: this.client.topic(this.options.topic) }]);
  }

  resume(): void {
    this.consumer?.resume([{ topic: this.client.topic(this.options.topic) }]);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    await this.consumer?.disconnect().catch(() => undefined);
  }

  private async restart(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    await sleep(2_000, this.abort.signal);
    if (this.stopping) return;
    await this.start().catch((e) => this.options.logger.error({ err: (e as Error).message }, 'consumer restart failed'));
  }

  private async onBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const chunkSize = this.options.chunkSize ?? 500;
    for (let i = 0; i < batch.messages.length; i += chunkSize) {
      if (!isRunning() || isStale() || this.stopping) return;
      const chunk = batch.messages.slice(i, i + chunkSize);
      const handled = await this.processChunk(batch.topic, batch.partition, chunk, heartbeat, () => isRunning() && !isStale());
      if (!handled) return;
      const last = chunk[chunk.length - 1].offset;
      resolveOffset(last);
      await this.consumer!.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() }]);
      await heartbeat();
    }
  }

  /** Returns false when the consumer is stopping and the chunk must not be committed. */
  private async processChunk(
    topic: string,
    partition: number,
    chunk: KafkaMessage[],
    heartbeat: () => Promise<void>,
    stillOwned: () => boolean,
  ): Promise<boolean> {
    const valid: ConsumedMessage<T>[] = [];
    const dead: DeadLetter[] = [];
    for (const m of chunk) {
      const parsed = this.parse(m);
      if (parsed.ok) valid.push({ key: m.key?.toString() ?? null, value: parsed.value, partition, offset: m.offset, timestamp: m.timestamp });
      else dead.push(this.deadLetter(topic, partition, m, parsed.error));
    }
    if (valid.length) {
      for (let attempt = 0; ; attempt++) {
        try {
          const failures = (await this.options.handle(valid)) ?? [];
          const byOffset = new Map(chunk.map((m) => [m.offset, m]));
          for (const f of failures) {
            const m = byOffset.get(f.offset);
            if (m) dead.push(this.deadLetter(topic, partition, m, f.error));
          }
          break;
        } catch (e) {
          if (this.stopping || !stillOwned()) return false;
          const delay = backoffDelay(attempt, 500, 15_000);
          this.options.logger.warn({ topic, partition, offset: chunk[0].offset, attempt, err: (e as Error).message, retryInMs: delay }, 'handler failed; retrying');
          await heartbeat().catch(() => undefined);
          await sleep(delay, this.abort.signal);
        }
      }
    }
    if (dead.length) {
      for (const d of dead) this.options.logger.warn({ topic, partition, offset: d.offset, error: d.error }, 'message set aside in the DLQ');
      await this.producer.send('dlq', dead.map((d) => ({ key: d.key ?? `${d.sourceTopic}:${d.partition}:${d.offset}`, value: d })));
    }
    return true;
  }

  private parse(m: KafkaMessage): ParseResult<T> {
    if (!m.value) return { ok: false, error: 'empty message value' };
    return parseMessage(this.options.schema, m.value.toString('utf8'));
  }

  private deadLetter(topic: string, partition: number, m: KafkaMessage, error: string): DeadLetter {
    const raw = m.value ?? Buffer.alloc(0);
    const text = raw.toString('utf8');
    const isUtf8 = Buffer.from(text, 'utf8').equals(raw);
    const value = isUtf8 ? text.slice(0, MAX_DLQ_VALUE) : raw.subarray(0, MAX_DLQ_VALUE).toString('base64');
    return {
      sourceTopic: topic,
      partition,
      offset: m.offset,
      key: m.key?.toString() ?? null,
      value,
      valueEncoding: isUtf8 ? 'utf8' : 'base64',
      error: error.slice(0, 4000),
      consumerGroup: this.options.groupId,
      failedAt: new Date().toISOString(),
    };
  }
}
