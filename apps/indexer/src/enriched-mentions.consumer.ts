import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EnrichedMentionHead } from '@vigil/contracts';
import { createLogger } from '@vigil/common';
import { ConsumerFactory, type ConsumedMessage, type PermanentFailure } from '@vigil/kafka';
import { IndexMentionsUseCase } from './index-mentions.usecase';
import { INDEXER_OPTIONS, type IndexerOptions } from './indexer.tokens';

/** mentions.enriched → Elasticsearch. Rejected documents go to the DLQ with the server's reason. */
@Injectable()
export class EnrichedMentionsConsumer implements OnApplicationBootstrap {
  private readonly logger = createLogger('indexer');

  constructor(
    private readonly consumers: ConsumerFactory,
    private readonly indexMentions: IndexMentionsUseCase,
    @Inject(INDEXER_OPTIONS) private readonly options: IndexerOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers
      .create({
        groupId: this.options.groupId,
        topic: 'mentionsEnriched',
        // The document goes to Elasticsearch in the bytes it came in; only what places it is read (see EnrichedMentionHead).
        schema: EnrichedMentionHead,
        logger: this.logger,
        // A bulk request per chunk, sized by bytes; partitions in parallel (each partition's
        // chunks in order, so a later copy of a mention is written after an earlier one).
        chunkSize: this.options.bulkSize,
        chunkBytes: this.options.bulkBytes,
        maxBytesPerPartition: this.options.bulkBytes,
        partitionsConcurrently: 4,
        handle: (m) => this.onMessages(m),
      })
      .start();
  }

  async onMessages(messages: ConsumedMessage<EnrichedMentionHead>[]): Promise<PermanentFailure[]> {
    // The same mention twice in one chunk: the later copy wins, one bulk item per id.
    const latest = new Map(messages.map((m) => [m.value.id, m]));
    const failed = await this.indexMentions.execute([...latest.values()].map((m) => ({ ...m.value, source: m.raw })));
    this.logger.debug({ indexed: latest.size - failed.length, failed: failed.length }, 'indexed');
    return failed.map((f) => ({ offset: latest.get(f.id)!.offset, error: `elasticsearch rejected mention ${f.id} (HTTP ${f.status}): ${f.error}` }));
  }
}
