import { Inject, Injectable } from '@nestjs/common';
import type { Signal } from '@vigil/contracts';
import { KafkaClient, ProducerFencedError, TransactionalProducer } from '@vigil/kafka';
import { PartitionFencedError } from './detector-state.repository';
import { DETECTOR_OPTIONS, type DetectorOptions } from './detector.tokens';

/** What the partition's last owner committed: where the group resumes, and the last saved outbox whose signals went out. */
export interface CommittedPosition {
  offset: string;
  outboxSeq: number;
}

const METADATA = /^outbox:(\d+)$/;

/**
 * A partition's signals and its consumed offsets in one Kafka transaction per saved chunk (the
 * transactional id is the partition's, shared by every instance of the group), with the saved
 * outbox's number in the offsets' metadata. So the signals topic holds each signal once for
 * readers that read committed: a kill between the send and anything after it leaves either both
 * the signals and the offsets or neither, and the next owner, having fenced the old producer,
 * reads from the metadata whether the outbox it restored still has to go out. An instance that
 * lost the partition without knowing it (a zombie) has its transaction refused, wherever it
 * was frozen.
 */
@Injectable()
export class PartitionSignalsProducer {
  constructor(
    private readonly transactions: TransactionalProducer,
    private readonly kafka: KafkaClient,
    @Inject(DETECTOR_OPTIONS) private readonly options: DetectorOptions,
  ) {}

  /** Fences every older producer of the partition (an open transaction of one is aborted), then reads what they committed. */
  async start(partition: number): Promise<CommittedPosition> {
    await this.transactions.start(this.id(partition));
    const { offset, metadata } = await this.kafka.committedOffset(this.options.stateGroupId, 'mentionsByWatch', partition);
    const seq = metadata?.match(METADATA)?.[1];
    return { offset, outboxSeq: seq ? Number(seq) : 0 };
  }

  /** The signals, and `offset` as the group's position on the partition, committed together; `outboxSeq` names the saved outbox they came from. */
  async publish(partition: number, signals: readonly Signal[], offset: string, outboxSeq: number): Promise<void> {
    try {
      await this.transactions.commit(this.id(partition), {
        messages: [{ topic: 'signals', messages: signals.map((s) => ({ key: s.key, value: s })) }],
        offsets: { groupId: this.options.stateGroupId, topic: 'mentionsByWatch', partition, offset, metadata: `outbox:${outboxSeq}` },
      });
    } catch (e) {
      if (e instanceof ProducerFencedError) throw new PartitionFencedError(partition);
      throw e;
    }
  }

  isStarted(partition: number): boolean {
    return this.transactions.isStarted(this.id(partition));
  }

  stop(partition: number): Promise<void> {
    return this.transactions.close(this.id(partition));
  }

  private id(partition: number): string {
    return `${this.options.stateGroupId}.partition-${partition}`;
  }
}
