import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EnrichedMention } from '@vigil/contracts';
import { createLogger } from '@vigil/common';
import { ConsumerFactory, type ConsumedMessage } from '@vigil/kafka';
import { DetectMentionsUseCase } from './detect-mentions.usecase';
import { DETECTOR_OPTIONS, type DetectorOptions } from './detector.tokens';
import { RestoreDetectorUseCase } from './restore-detector.usecase';

/** mentions.enriched → detector. Offsets are committed after clusters, signals and state are saved. */
@Injectable()
export class EnrichedMentionsConsumer implements OnApplicationBootstrap {
  private readonly logger = createLogger('detector');

  constructor(
    private readonly consumers: ConsumerFactory,
    private readonly detect: DetectMentionsUseCase,
    private readonly restore: RestoreDetectorUseCase,
    @Inject(DETECTOR_OPTIONS) private readonly options: DetectorOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.restore.execute();
    await this.consumers
      .create({ groupId: this.options.groupId, topic: 'mentionsEnriched', schema: EnrichedMention, logger: this.logger, chunkSize: 500, handle: (m) => this.onMessages(m) })
      .start();
  }

  async onMessages(messages: ConsumedMessage<EnrichedMention>[]): Promise<void> {
    await this.detect.execute(messages.map((m) => m.value));
  }
}
