import { Module, type DynamicModule } from '@nestjs/common';
import { Clock, HealthModule, SystemClock, serviceConnections } from '@vigil/common';
import { KafkaClient, KafkaModule } from '@vigil/kafka';
import { SearchClient, SearchModule } from '@vigil/search';
import { createDetector, type Detector } from '@vigil/detection';
import type { DetectorConfig } from './detector.config';
import { BaselinesRepository } from './baselines.repository';
import { ClustersRepository } from './clusters.repository';
import { SourceCoverageRepository } from './source-coverage.repository';
import { DetectorStateRepository } from './detector-state.repository';
import { DETECTOR, DetectMentionsUseCase } from './detect-mentions.usecase';
import { RestoreDetectorUseCase } from './restore-detector.usecase';
import { EnrichedMentionsConsumer } from './enriched-mentions.consumer';
import { EventTimeTicker } from './event-time.ticker';
import { DetectorBootstrap } from './detector.bootstrap';
import { DETECTION_CONFIG, DETECTOR_OPTIONS } from './detector.tokens';

/**
 * The detector keeps every cluster in memory, so it runs as one instance (one
 * consumer in its group): a second instance would split the stream and the clusters.
 */
@Module({})
export class DetectorModule {
  static forRoot(config: DetectorConfig, opts: { withInfra?: boolean; clock?: Clock } = {}): DynamicModule {
    return {
      module: DetectorModule,
      imports: opts.withInfra === false ? [] : [
        KafkaModule.forRoot({ ...serviceConnections(config).kafka, clientId: 'vigil-detector', topicPrefix: config.VIGIL_TOPIC_PREFIX, partitions: config.KAFKA_TOPIC_PARTITIONS }),
        SearchModule.forRoot({ ...serviceConnections(config).search, indexPrefix: config.VIGIL_INDEX_PREFIX }),
        HealthModule.register([KafkaClient, SearchClient]),
      ],
      providers: [
        opts.clock ? { provide: Clock, useValue: opts.clock } : { provide: Clock, useClass: SystemClock },
        {
          provide: DETECTOR,
          useFactory: () => createDetector(config.DETECTOR_GROUP_MIN_AUTHORS ? { group: { minAuthors: config.DETECTOR_GROUP_MIN_AUTHORS } } : undefined),
        },
        { provide: DETECTION_CONFIG, useFactory: (d: Detector) => d.config, inject: [DETECTOR] },
        { provide: DETECTOR_OPTIONS, useValue: { groupId: config.DETECTOR_GROUP, tickMs: config.DETECTOR_TICK_MS, maxFutureMs: config.EVENT_TIME_MAX_FUTURE_MINUTES * 60_000 } },
        DetectorBootstrap,
        ClustersRepository,
        BaselinesRepository,
        SourceCoverageRepository,
        DetectorStateRepository,
        DetectMentionsUseCase,
        RestoreDetectorUseCase,
        EnrichedMentionsConsumer,
        EventTimeTicker,
      ],
      exports: [ClustersRepository],
    };
  }
}
