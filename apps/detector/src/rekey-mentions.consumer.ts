import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EnrichedMention } from '@vigil/contracts';
import { createLogger } from '@vigil/common';
import { copyKeys, detectionKey } from '@vigil/detection';
import { ConsumerFactory, KafkaClient, MessageProducer, partitionForKey, type ConsumedMessage } from '@vigil/kafka';
import { DETECTOR_OPTIONS, type DetectorOptions } from './detector.tokens';

/**
 * mentions.enriched (keyed by post, for the indexer's even spread) → mentions.by-watch, keyed by
 * the watch a post is clustered under, so each partition holds whole watches and detector
 * instances can split them; a post whose own watches live on several partitions is also copied to
 * each of the others, where it counts for those watches' volume only (copyKeys). Stateless: every instance runs it in one group. Offsets are committed
 * after the send, so a crash repeats some posts, which the detector's seen-set drops. Posts the
 * processor marked old never reach the detector and are not passed on.
 */
@Injectable()
export class RekeyMentionsConsumer implements OnApplicationBootstrap {
  private readonly logger = createLogger('detector');
  private partitionCount?: number;

  constructor(
    private readonly consumers: ConsumerFactory,
    private readonly producer: MessageProducer,
    private readonly kafka: KafkaClient,
    @Inject(DETECTOR_OPTIONS) private readonly options: DetectorOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers
      .create({ groupId: this.options.groupId, topic: 'mentionsEnriched', schema: EnrichedMention, logger: this.logger, chunkSize: 1000, handle: (m) => this.onMessages(m) })
      .start();
  }

  async onMessages(messages: ConsumedMessage<EnrichedMention>[]): Promise<void> {
    const live = messages.filter((m) => m.value.eventTime?.kind !== 'old');
    // Read once: the count decides which watch lives where (the detectors read it once too).
    this.partitionCount ??= await this.kafka.partitionCount('mentionsByWatch');
    const n = this.partitionCount;
    await this.producer.send(
      'mentionsByWatch',
      live.flatMap((m) => [detectionKey(m.value), ...copyKeys(m.value, (k) => partitionForKey(k, n))].map((key) => ({ key, value: m.value }))),
    );
  }
}
