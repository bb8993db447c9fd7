import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { parseMessage, type DeadLetter, type ParseResult, type TopicKey } from '@vigil/contracts';
import { backoffDelay, sleep } from '@vigil/common';
import type { KafkaClient } from './kafka-client';
import type { MessageProducer } from './message-producer';
import { explainConnectError } from './kafka-connect-error';
import { retryWhileMetadataSettles } from './metadata-retry';
import { decideOnCrash, restartFailedMessage, RUNNER_RESTART_DELAY_MS } from './consumer-crash';

export interface ConsumedMessage<T> {
  key: string | null;
  value: T;
  /** The value's bytes as consumed (JSON): a handler that writes the message on unchanged sends these rather than encoding `value` again. */
  raw: Buffer;
  partition: number;
  offset: string;
  timestamp: string;
}

/** Where a chunk sits: its partition and the offset after its last message (what a handler that commits itself commits). */
export interface ChunkPosition {
  partition: number;
  nextOffset: string;
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
  handle: (messages: ConsumedMessage<T>[], position: ChunkPosition) => Promise<PermanentFailure[] | void>;
  /**
   * The handler commits each chunk's offsets itself (`position.nextOffset`, in a Kafka transaction
   * with its outputs); the runner never commits. The handler is then called for every chunk, even
   * one with no valid message (its offsets must move on too), and the chunk's poison messages go to
   * the DLQ before it, as the handler's commit is the chunk's last step.
   */
  handlerCommits?: boolean;
  /** Messages per handler call. */
  chunkSize?: number;
  /** Also closes a chunk once its message values reach this many bytes (a bulk request sized by bytes). */
  chunkBytes?: number;
  /** Partitions whose batches are handled at once (default 1): a handler waiting on one partition's I/O lets another's run. */
  partitionsConcurrently?: number;
  /** Fetch size per partition (kafkajs' default is 1 MiB); a chunk never spans two fetches. */
  maxBytesPerPartition?: number;
  fromBeginning?: boolean;
  /**
   * The partitions of the topic this member holds after each rebalance (kafkajs' GROUP_JOIN),
   * before any batch of the new generation is handled: a stateful consumer drops the state of
   * partitions it no longer holds, so a partition it gets back is restored afresh.
   */
  onAssign?: (partitions: number[]) => void;
  logger: Logger;
}

const MAX_DLQ_VALUE = 64 * 1024;
const COMMIT_EVERY_MS = 1_000;

/**
 * At-least-once consumption: an offset is committed only after its message was
 * handled or set aside in the DLQ. Duplicates after a crash are expected and made
 * harmless downstream by deterministic ids. With `handlerCommits` the handler commits instead,
 * in the same Kafka transaction as its outputs (exactly-once for what it writes to Kafka).
 */
export class ConsumerRunner<T> {
  private consumer?: Consumer;
  private stopping = false;
  private lastCommit = 0;
  /** Restarts by the runner since the consumer last handled a batch (the attempt a crash log names). */
  private restarts = 0;
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
      sessionTimeout: this.client.options.sessionTimeoutMs ?? 30_000,
      // Kafka's advice: a heartbeat at most a third of the session timeout.
      heartbeatInterval: Math.min(3_000, Math.floor((this.client.options.sessionTimeoutMs ?? 30_000) / 3)),
      retry: { retries: 10 },
      maxWaitTimeInMs: 200,
      // Transactional topics (signals) are read committed: an aborted or still open transaction's messages are never handed over.
      readUncommitted: false,
      ...(this.options.maxBytesPerPartition ? { maxBytesPerPartition: this.options.maxBytesPerPartition, maxBytes: Math.max(10 * 2 ** 20, 3 * this.options.maxBytesPerPartition) } : {}),
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, (e) => {
      const { error, restart } = e.payload as { error: Error & { retryTime?: number }; restart: boolean };
      // kafkajs gives up on non-retriable errors; the runner starts over rather than sit idle.
      const decision = decideOnCrash({ kafkajsRestarts: restart, kafkajsRetryMs: error.retryTime, stopping: this.stopping, attempt: this.restarts + 1 });
      this.options.logger[decision.level]({ groupId, err: error.message, kafkajsRestart: restart, ...decision.fields }, decision.message);
      if (decision.runnerRestarts) {
        this.restarts++;
        void this.restart();
      }
    });
    if (this.options.onAssign) {
      const onAssign = this.options.onAssign;
      const name = this.client.topic(topic);
      consumer.on(consumer.events.GROUP_JOIN, (e) => onAssign([...(e.payload.memberAssignment[name] ?? [])].sort((a, b) => a - b)));
    }
    if (!this.options.handlerCommits) {
      // A fetch of only a transaction's commit marker or an aborted transaction's messages never
      // reaches eachBatch (read committed hides them): its offsets are committed here, or the
      // group would look behind on a transactional topic (signals) after reading all of it.
      consumer.on(consumer.events.END_BATCH_PROCESS, (e) => {
        const { topic: t, partition, batchSize, lastOffset } = e.payload;
        if (batchSize === 0 && t === this.client.topic(topic)) void this.commit(t, partition, lastOffset).catch(() => undefined);
      });
    }
    await consumer.connect().catch((e: unknown) => {
      throw explainConnectError(e, this.client.options);
    });
    await retryWhileMetadataSettles(() => consumer.subscribe({ topic: this.client.topic(topic), fromBeginning }), {
      onRetry: (err, attempt, delayMs) => this.options.logger.warn({ groupId, topic, attempt, retryInMs: delayMs, err: err.message }, 'topic not known to the broker yet; subscribing again'),
    });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 1,
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
    await sleep(RUNNER_RESTART_DELAY_MS, this.abort.signal);
    if (this.stopping) return;
    const attempt = this.restarts;
    await this.start().catch((e) => this.options.logger.error({ groupId: this.options.groupId, err: (e as Error).message, attempt }, restartFailedMessage(attempt)));
  }

  private async onBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const chunks = this.chunks(batch.messages);
    // The batch may end past its last message: a transaction's commit marker, an aborted
    // transaction's messages. Its last chunk resolves and commits up to there (as kafkajs does), so
    // the group's lag is zero once it has read everything.
    const batchEnd = batch.lastOffset();
    // Handled and resolved, not yet committed: committed as well when the loop ends early
    // (stopping), unless the partition went to another member meanwhile.
    let uncommitted: string | undefined;
    // One chunk at a time within a partition, so a later copy of a message is handled after
    // an earlier one; other partitions' batches run meanwhile (partitionsConcurrently).
    for (const chunk of chunks) {
      if (!isRunning() || isStale() || this.stopping) break;
      const handled = await this.processChunk(batch.topic, batch.partition, chunk, heartbeat, () => isRunning() && !isStale());
      if (!handled) break;
      this.restarts = 0;
      const lastMessage = chunk[chunk.length - 1].offset;
      const last = chunk === chunks[chunks.length - 1] && BigInt(batchEnd) > BigInt(lastMessage) ? batchEnd : lastMessage;
      resolveOffset(last);
      if (this.options.handlerCommits) {
        await heartbeat();
        continue;
      }
      uncommitted = last;
      // A commit is a request to the broker: one at the batch's end, or one a second within a
      // long batch. Committing later only widens what a crash redelivers (at-least-once holds).
      if (Date.now() - this.lastCommit >= COMMIT_EVERY_MS) {
        await this.commit(batch.topic, batch.partition, last);
        uncommitted = undefined;
      }
      await heartbeat();
    }
    if (uncommitted !== undefined && !isStale()) await this.commit(batch.topic, batch.partition, uncommitted);
  }

  private async commit(topic: string, partition: number, last: string): Promise<void> {
    this.lastCommit = Date.now();
    await this.consumer!.commitOffsets([{ topic, partition, offset: (BigInt(last) + 1n).toString() }]);
  }

  /** The batch cut into handler calls: at most chunkSize messages, and chunkBytes bytes of values when set. */
  private chunks(messages: KafkaMessage[]): KafkaMessage[][] {
    const maxCount = this.options.chunkSize ?? 500;
    const maxBytes = this.options.chunkBytes ?? Infinity;
    const out: KafkaMessage[][] = [];
    let current: KafkaMessage[] = [];
    let bytes = 0;
    for (const m of messages) {
      const size = m.value?.length ?? 0;
      if (current.length && (current.length >= maxCount || bytes + size > maxBytes)) {
        out.push(current);
        current = [];
        bytes = 0;
      }
      current.push(m);
      bytes += size;
    }
    if (current.length) out.push(current);
    return out;
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
      if (parsed.ok) valid.push({ key: m.key?.toString() ?? null, value: parsed.value, raw: m.value!, partition, offset: m.offset, timestamp: m.timestamp });
      else dead.push(this.deadLetter(topic, partition, m, parsed.error));
    }
    const position: ChunkPosition = { partition, nextOffset: (BigInt(chunk[chunk.length - 1].offset) + 1n).toString() };
    if (this.options.handlerCommits && dead.length) await this.setAside(topic, partition, dead.splice(0));
    if (valid.length || this.options.handlerCommits) {
      for (let attempt = 0; ; attempt++) {
        try {
          const failures = (await this.options.handle(valid, position)) ?? [];
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
    if (dead.length) await this.setAside(topic, partition, dead);
    return true;
  }

  private async setAside(topic: string, partition: number, dead: DeadLetter[]): Promise<void> {
    for (const d of dead) this.options.logger.warn({ topic, partition, offset: d.offset, error: d.error }, 'message set aside in the DLQ');
    await this.producer.send('dlq', dead.map((d) => ({ key: d.key ?? `${d.sourceTopic}:${d.partition}:${d.offset}`, value: d })));
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
