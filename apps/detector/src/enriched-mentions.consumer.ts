import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EnrichedMention } from '@vigil/contracts';
import { createLogger } from '@vigil/common';
import { ConsumerFactory, type ConsumedMessage } from '@vigil/kafka';
import { DetectMentionsUseCase } from './detect-mentions.usecase';
import { DETECTOR_OPTIONS, type DetectorOptions } from './detector.tokens';

/**
 * mentions.by-watch → the detector of each partition. The instances of one group split the
 * partitions; after each rebalance this one drops what it lost and restores what it got.
 * A partition's offsets are committed after its clusters, signals and state are saved, so the
 * next owner resumes from that state at that offset (a chunk saved but not committed is seen again
 * and dropped by the restored seen-set).
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
        onAssign: (partitions) => void this.detect.assign(partitions).catch(() => undefined),
        handle: (m) => this.onMessages(m),
      })
      .start();
  }

  /** A chunk is always one partition's (the runner cuts batches per partition). */
  async onMessages(messages: ConsumedMessage<EnrichedMention>[]): Promise<void> {
    if (!messages.length) return;
    await this.detect.execute(messages[0]!.partition, messages.map((m) => m.value));
  }
}
