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
import { DetectMentionsUseCase } from './detect-mentions.usecase';
import { RestoreDetectorUseCase } from './restore-detector.usecase';
import { PartitionSignalsProducer } from './partition-signals.producer';
import { EnrichedMentionsConsumer } from './enriched-mentions.consumer';
import { EventTimeTicker } from './event-time.ticker';
import { RekeyMentionsConsumer } from './rekey-mentions.consumer';
import { IncidentOutcomesConsumer } from './incident-outcomes.consumer';
import { DetectorBootstrap } from './detector.bootstrap';
import { DETECTION_CONFIG, DETECTOR_FACTORY, DETECTOR_OPTIONS, detectorInstanceId, detectorStateGroup } from './detector.tokens';

/**
 * The detector keeps its clusters in memory, one detector per partition of mentions.by-watch
 * (keyed by watch, so a watch's clusters and incidents stay on one partition). Several instances
 * in one group split the partitions; a rebalance hands a partition's saved state to its new owner.
 */
@Module({})
export class DetectorModule {
  /** `consume: false`: no consumers and no ticker, the use cases driven by the caller (the partition handover tests). */
  static forRoot(config: DetectorConfig, opts: { withInfra?: boolean; clock?: Clock; consume?: boolean } = {}): DynamicModule {
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
          provide: DETECTOR_FACTORY,
          useValue: () => createDetector(config.DETECTOR_GROUP_MIN_AUTHORS ? { group: { minAuthors: config.DETECTOR_GROUP_MIN_AUTHORS } } : undefined),
        },
        { provide: DETECTION_CONFIG, useFactory: (create: () => Detector) => create().config, inject: [DETECTOR_FACTORY] },
        {
          provide: DETECTOR_OPTIONS,
          useValue: { groupId: config.DETECTOR_GROUP, stateGroupId: detectorStateGroup(config.DETECTOR_GROUP), tickMs: config.DETECTOR_TICK_MS, maxFutureMs: config.EVENT_TIME_MAX_FUTURE_MINUTES * 60_000, instanceId: detectorInstanceId() },
        },
        DetectorBootstrap,
        ClustersRepository,
        BaselinesRepository,
        SourceCoverageRepository,
        DetectorStateRepository,
        DetectMentionsUseCase,
        RestoreDetectorUseCase,
        PartitionSignalsProducer,
        ...(opts.consume === false ? [] : [RekeyMentionsConsumer, EnrichedMentionsConsumer, IncidentOutcomesConsumer, EventTimeTicker]),
      ],
      exports: [ClustersRepository, DetectMentionsUseCase],
    };
  }
}
