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
export type AppName = 'collector' | 'processor' | 'indexer' | 'detector' | 'responder' | 'api';
export const ALL_APPS: AppName[] = ['collector', 'processor', 'indexer', 'detector', 'responder', 'api'];

@Module({})
export class AllInOneModule {
  /** `apps` picks which apps run (a replay needs no collector and no api). */
  static forRoot(env: NodeJS.ProcessEnv = process.env, apps: AppName[] = ALL_APPS): DynamicModule {
    const base = loadApiConfig(env);
    const modules: Record<AppName, () => DynamicModule> = {
      collector: () => CollectorModule.forRoot(loadCollectorConfig(env), { withInfra: false }),
      processor: () => ProcessorModule.forRoot(loadProcessorConfig(env), { withInfra: false }),
      indexer: () => IndexerModule.forRoot(loadIndexerConfig(env), { withInfra: false }),
      detector: () => DetectorModule.forRoot(loadDetectorConfig(env), { withInfra: false }),
      responder: () => ResponderModule.forRoot(loadResponderConfig(env), { withInfra: false }),
      api: () => ApiModule.forRoot(base, { withInfra: false }),
    };
    return {
      module: AllInOneModule,
      imports: [
        KafkaModule.forRoot({ brokers: base.KAFKA_BROKERS.split(','), clientId: 'vigil', topicPrefix: base.VIGIL_TOPIC_PREFIX, partitions: base.KAFKA_TOPIC_PARTITIONS }),
        SearchModule.forRoot({ node: base.ELASTICSEARCH_URL, indexPrefix: base.VIGIL_INDEX_PREFIX }),
        HealthModule.register([KafkaClient, SearchClient]),
        ...ALL_APPS.filter((a) => apps.includes(a)).map((a) => modules[a]()),
      ],
    };
  }
}
