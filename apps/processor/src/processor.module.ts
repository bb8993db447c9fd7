import fs from 'node:fs';
import os from 'node:os';
import { Module, type DynamicModule } from '@nestjs/common';
import { Clock, HealthModule, SystemClock, serviceConnections } from '@vigil/common';
import { KafkaClient, KafkaModule } from '@vigil/kafka';
import { SearchClient, SearchModule } from '@vigil/search';
import type { ProcessorConfig } from './processor.config';
import { EnrichMentionUseCase } from './enrich-mention.usecase';
import { WATCHES_REGISTRY_OPTIONS, WatchesRegistry, type WatchesRegistryOptions } from './watches/watches-registry.service';
import { RawMentionsConsumer } from './raw-mentions.consumer';
import { ProcessorBootstrap } from './processor.bootstrap';
import { AnalysisModelsRepository } from './models/analysis-models.repository';
import { ModelFollower } from './models/model-follower.service';
import { MODEL_OPTIONS, type ModelOptions } from './models/model-options';
import { ModelUpdatesRepository } from './models/model-updates.repository';
import { UpdateModelsJob } from './models/update-models.job';
import { UpdateModelsUseCase } from './models/update-models.usecase';
import { RescoreMentionsJob } from './models/rescore-mentions.job';
import { RescoreMentionsUseCase } from './models/rescore-mentions.usecase';
import { EVENT_TIME_POLICY, PROCESSOR_GROUP } from './processor.tokens';
import type { EventTimePolicy } from './event-time';

@Module({})
export class ProcessorModule {
  static forRoot(config: ProcessorConfig, opts: { withInfra?: boolean } = {}): DynamicModule {
    // One product per line: `name, alias, alias…`; `#` starts a comment.
    const products = config.ANALYSIS_USER_DICT
      ? fs.readFileSync(config.ANALYSIS_USER_DICT, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean)
          .map((l) => { const [name, ...aliases] = l.split(',').map((s) => s.trim()).filter(Boolean); return { name, aliases }; })
      : [];
    const modelOptions: ModelOptions = {
      ...(config.ANALYSIS_MODEL_DIR ? { modelDir: config.ANALYSIS_MODEL_DIR } : {}),
      pollMs: config.ANALYSIS_MODEL_POLL_MS,
      trainEveryMs: config.ANALYSIS_TRAIN_EVERY_MS,
      minCorrections: config.ANALYSIS_TRAIN_MIN_CORRECTIONS,
      ...((config.ANALYSIS_REFERENCE_DIR ?? config.VIGIL_DATA_DIR) ? { referenceDir: config.ANALYSIS_REFERENCE_DIR ?? config.VIGIL_DATA_DIR } : {}),
      rescoreDays: config.ANALYSIS_RESCORE_DAYS,
      rescoreEveryMs: config.ANALYSIS_RESCORE_EVERY_MS,
      rescorePage: 200,
      instance: `${os.hostname()}:${process.pid}`,
    };
    return {
      module: ProcessorModule,
      imports: opts.withInfra === false ? [] : [
        KafkaModule.forRoot({ ...serviceConnections(config).kafka, clientId: 'vigil-processor', topicPrefix: config.VIGIL_TOPIC_PREFIX, partitions: config.KAFKA_TOPIC_PARTITIONS }),
        SearchModule.forRoot({ ...serviceConnections(config).search, indexPrefix: config.VIGIL_INDEX_PREFIX }),
        HealthModule.register([KafkaClient, SearchClient]),
      ],
      providers: [
        { provide: Clock, useClass: SystemClock },
        { provide: MODEL_OPTIONS, useValue: modelOptions },
        ModelFollower,
        // The analyzer is rebuilt with the watches' brand and product names whenever they change;
        // every one built follows the published sentiment models (ModelFollower's holder).
        {
          provide: WATCHES_REGISTRY_OPTIONS,
          inject: [ModelFollower],
          useFactory: (models: ModelFollower): WatchesRegistryOptions => ({ pollMs: config.WATCHES_POLL_MS, file: config.WATCHES_FILE, products, modelSource: models.holder }),
        },
        WatchesRegistry,
        AnalysisModelsRepository,
        ModelUpdatesRepository,
        UpdateModelsUseCase,
        UpdateModelsJob,
        RescoreMentionsUseCase,
        RescoreMentionsJob,
        { provide: PROCESSOR_GROUP, useValue: config.PROCESSOR_GROUP },
        { provide: EVENT_TIME_POLICY, useValue: { maxFutureMs: config.EVENT_TIME_MAX_FUTURE_MINUTES * 60_000, oldAfterMs: config.EVENT_TIME_OLD_AFTER_HOURS * 3_600_000 } satisfies EventTimePolicy },
        EnrichMentionUseCase,
        ProcessorBootstrap,
        RawMentionsConsumer,
      ],
    };
  }
}
