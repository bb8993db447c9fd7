import { Module, type DynamicModule } from '@nestjs/common';
import { HealthModule } from '@vigil/common';
import { KafkaClient, KafkaModule } from '@vigil/kafka';
import { SearchClient, SearchModule } from '@vigil/search';
import { CollectorModule } from '../../../collector/src/collector.module';
import { loadCollectorConfig } from '../../../collector/src/collector.config';
import { ProcessorModule } from '../../../processor/src/processor.module';
import { loadProcessorConfig } from '../../../processor/src/processor.config';
import { IndexerModule } from '../../../indexer/src/indexer.module';
import { loadIndexerConfig } from '../../../indexer/src/indexer.config';
import { ResponderModule, loadResponderConfig } from '../../../responder/src';
import { DetectorModule } from '../../../detector/src/detector.module';
import { loadDetectorConfig } from '../../../detector/src/detector.config';
import { ApiModule } from '../../../api/src/api.module';
import { loadApiConfig } from '../../../api/src/api.config';

/**
 * The embedded default: every app's module in one process, sharing one Kafka and
 * one Elasticsearch client. The boundaries between them are still Kafka topics,
 * so any app can be moved to its own process without changing a line.
 */
@Module({})
export class AllInOneModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const api = loadApiConfig(env);
    return {
      module: AllInOneModule,
      imports: [
        KafkaModule.forRoot({ brokers: api.KAFKA_BROKERS.split(','), clientId: 'vigil', topicPrefix: api.VIGIL_TOPIC_PREFIX }),
        SearchModule.forRoot({ node: api.ELASTICSEARCH_URL, indexPrefix: api.VIGIL_INDEX_PREFIX }),
        HealthModule.register([KafkaClient, SearchClient]),
        CollectorModule.forRoot(loadCollectorConfig(env), { withInfra: false }),
        ProcessorModule.forRoot(loadProcessorConfig(env), { withInfra: false }),
        IndexerModule.forRoot(loadIndexerConfig(env), { withInfra: false }),
        DetectorModule.forRoot(loadDetectorConfig(env), { withInfra: false }),
        ResponderModule.forRoot(loadResponderConfig(env), { withInfra: false }),
        ApiModule.forRoot(api, { withInfra: false }),
      ],
    };
  }
}
