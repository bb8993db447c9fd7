import { Module, type DynamicModule } from '@nestjs/common';
import { Clock, HealthModule, SystemClock, serviceConnections } from '@vigil/common';
import { KafkaClient, KafkaModule } from '@vigil/kafka';
import { SearchClient, SearchModule } from '@vigil/search';
import type { IndexerConfig } from './indexer.config';
import { IndexMentionsUseCase } from './index-mentions.usecase';
import { EnrichedMentionsConsumer } from './enriched-mentions.consumer';
import { IndexerBootstrap } from './indexer.bootstrap';
import { ApplyCorrectionUseCase } from './corrections/apply-correction.usecase';
import { CorrectionsConsumer } from './corrections/corrections.consumer';
import { CorrectionsRepository } from './corrections/corrections.repository';
import { INDEXER_OPTIONS } from './indexer.tokens';
import { ApplyRescoresUseCase } from './rescoring/apply-rescores.usecase';
import { RescoredMentionsConsumer } from './rescoring/rescored-mentions.consumer';

@Module({})
export class IndexerModule {
  static forRoot(config: IndexerConfig, opts: { withInfra?: boolean } = {}): DynamicModule {
    return {
      module: IndexerModule,
      imports: opts.withInfra === false ? [] : [
        KafkaModule.forRoot({ ...serviceConnections(config).kafka, clientId: 'vigil-indexer', topicPrefix: config.VIGIL_TOPIC_PREFIX, partitions: config.KAFKA_TOPIC_PARTITIONS }),
        SearchModule.forRoot({ ...serviceConnections(config).search, indexPrefix: config.VIGIL_INDEX_PREFIX }),
        HealthModule.register([KafkaClient, SearchClient]),
      ],
      providers: [
        { provide: Clock, useClass: SystemClock },
        { provide: INDEXER_OPTIONS, useValue: { groupId: config.INDEXER_GROUP, bulkSize: config.INDEXER_BULK_SIZE, bulkBytes: config.INDEXER_BULK_BYTES, monthlyIndices: config.INDEXER_MONTHLY_INDICES } },
        IndexMentionsUseCase,
        IndexerBootstrap,
        EnrichedMentionsConsumer,
        CorrectionsRepository,
        ApplyCorrectionUseCase,
        CorrectionsConsumer,
        ApplyRescoresUseCase,
        RescoredMentionsConsumer,
      ],
    };
  }
}
