import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EnrichedMention } from '@vigil/contracts';
import { createLogger } from '@vigil/common';
import { ConsumerFactory, type ChunkPosition, type ConsumedMessage } from '@vigil/kafka';
import { DetectMentionsUseCase } from './detect-mentions.usecase';
import { DETECTOR_OPTIONS, type DetectorOptions } from './detector.tokens';

/**
 * mentions.by-watch → the detector of each partition. The instances of one group split the
 * partitions; after each rebalance this one drops what it lost and restores what it got.
 * A partition's offsets are committed by the detector, in the Kafka transaction that sends the
 * chunk's signals after its state and clusters are saved, so the next owner resumes from that
 * state at that offset (a chunk saved but not committed is seen again and dropped by the restored
 * seen-set).
 */
@Injectable()
export class EnrichedMentionsConsumer implements OnApplicationBootstrap {
  private readonly logger = createLogger('detector');

  constructor(
    private readonly consumers: ConsumerFactory,
    private readonly detect: DetectMentionsUseCase,
    @Inject(DETECTOR_OPTIONS) private readonly options: DetectorOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers
      .create({
        groupId: this.options.stateGroupId,
        topic: 'mentionsByWatch',
        schema: EnrichedMention,
        logger: this.logger,
        chunkSize: 500,
        handlerCommits: true,
        onAssign: (partitions) => void this.detect.assign(partitions).catch(() => undefined),
        handle: (m, position) => this.onMessages(m, position),
      })
      .start();
  }

  /** A chunk is always one partition's (the runner cuts batches per partition); one without valid posts still moves the offsets on. */
  async onMessages(messages: ConsumedMessage<EnrichedMention>[], position: ChunkPosition): Promise<void> {
    await this.detect.execute(position.partition, messages.map((m) => m.value), position.nextOffset);
  }
}
