import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RawMention } from '@vigil/contracts';
import { createLogger } from '@vigil/common';
import { ConsumerFactory, MessageProducer, type ConsumedMessage, type PermanentFailure } from '@vigil/kafka';
import { EnrichMentionUseCase } from './enrich-mention.usecase';
import { PROCESSOR_GROUP } from './processor.tokens';
import { WatchesRegistry } from './watches/watches-registry.service';

/** mentions.raw → analysis → mentions.enriched, committed only after the produce. */
@Injectable()
export class RawMentionsConsumer implements OnApplicationBootstrap {
  private readonly logger = createLogger('processor');

  constructor(
    private readonly consumers: ConsumerFactory,
    private readonly producer: MessageProducer,
    private readonly enrich: EnrichMentionUseCase,
    private readonly watches: WatchesRegistry,
    @Inject(PROCESSOR_GROUP) private readonly groupId: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers
      .create({
        groupId: this.groupId,
        topic: 'mentionsRaw',
        schema: RawMention,
        logger: this.logger,
        chunkSize: 200,
        // While one partition's produce waits on Kafka, another partition's chunk is analysed.
        partitionsConcurrently: 4,
        handle: (m) => this.onMessages(m),
      })
      .start();
  }

  async onMessages(messages: ConsumedMessage<RawMention>[]): Promise<PermanentFailure[]> {
    // Nothing is tagged before the watch configuration is known (a store that is down holds the batch here, uncommitted).
    await this.watches.ready;
    const failures: PermanentFailure[] = [];
    const out = [];
    for (const m of messages) {
      try {
        const enriched = this.enrich.execute(m.value);
        out.push({ key: enriched.id, value: enriched });
      } catch (e) {
        // A post that breaks analysis is a poison message, not a reason to stop the stream.
        failures.push({ offset: m.offset, error: `analysis failed: ${(e as Error).message}` });
      }
    }
    await this.producer.send('mentionsEnriched', out);
    this.logger.debug({ count: out.length, mentionIds: out.slice(0, 5).map((o) => o.key) }, 'enriched');
    return failures;
  }
}
