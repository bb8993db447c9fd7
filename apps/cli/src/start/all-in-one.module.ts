import { Module, type DynamicModule } from '@nestjs/common';
import { HealthModule, serviceConnections } from '@vigil/common';
import { KafkaClient, KafkaModule } from '@vigil/kafka';
import { SearchClient, SearchModule } from '@vigil/search';
import { ApiModule, loadApiConfig } from '@vigil/api';
import { CollectorModule, loadCollectorConfig } from '@vigil/collector';
import { DetectorModule, loadDetectorConfig } from '@vigil/detector';
import { IndexerModule, loadIndexerConfig } from '@vigil/indexer';
import { ProcessorModule, loadProcessorConfig } from '@vigil/processor';
import { ReporterModule, loadReporterConfig } from '@vigil/reporter';
import { ResponderModule, loadResponderConfig } from '@vigil/responder';

/**
 * The embedded default: every app's module in one process, sharing one Kafka and
 * one Elasticsearch client. The boundaries between them are still Kafka topics,
 * so any app can be moved to its own process without changing a line.
 */
export type AppName = 'collector' | 'processor' | 'indexer' | 'detector' | 'responder' | 'reporter' | 'api';
export const ALL_APPS: AppName[] = ['collector', 'processor', 'indexer', 'detector', 'responder', 'reporter', 'api'];

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
      reporter: () => ReporterModule.forRoot(loadReporterConfig(env), { withInfra: false }),
      api: () => ApiModule.forRoot(base, { withInfra: false }),
    };
    return {
      module: AllInOneModule,
      imports: [
        KafkaModule.forRoot({ ...serviceConnections(base).kafka, clientId: 'vigil', topicPrefix: base.VIGIL_TOPIC_PREFIX, partitions: base.KAFKA_TOPIC_PARTITIONS }),
        SearchModule.forRoot({ ...serviceConnections(base).search, indexPrefix: base.VIGIL_INDEX_PREFIX }),
        HealthModule.register([KafkaClient, SearchClient]),
        ...ALL_APPS.filter((a) => apps.includes(a)).map((a) => modules[a]()),
      ],
    };
  }
}
