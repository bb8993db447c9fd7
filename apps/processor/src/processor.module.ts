import fs from 'node:fs';
import { Module, type DynamicModule } from '@nestjs/common';
import { Clock, HealthModule, SystemClock } from '@vigil/common';
import { KafkaClient, KafkaModule } from '@vigil/kafka';
import { createAnalyzer } from '@vigil/analysis';
import type { ProcessorConfig } from './processor.config';
import { ANALYZER, EnrichMentionUseCase } from './enrich-mention.usecase';
import { RawMentionsConsumer } from './raw-mentions.consumer';
import { ProcessorBootstrap } from './processor.bootstrap';
import { loadDeploymentModels } from './deployment-models';
import { PROCESSOR_GROUP } from './processor.tokens';

@Module({})
export class ProcessorModule {
  static forRoot(config: ProcessorConfig, opts: { withInfra?: boolean } = {}): DynamicModule {
    // One product per line: `name, alias, alias…`; `#` starts a comment.
    const products = config.ANALYSIS_USER_DICT
      ? fs.readFileSync(config.ANALYSIS_USER_DICT, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean)
          .map((l) => { const [name, ...aliases] = l.split(',').map((s) => s.trim()).filter(Boolean); return { name, aliases }; })
      : [];
    return {
      module: ProcessorModule,
      imports: opts.withInfra === false ? [] : [
        KafkaModule.forRoot({ brokers: config.KAFKA_BROKERS.split(','), clientId: 'vigil-processor', topicPrefix: config.VIGIL_TOPIC_PREFIX, partitions: config.KAFKA_TOPIC_PARTITIONS }),
        HealthModule.register([KafkaClient]),
      ],
      providers: [
        { provide: Clock, useClass: SystemClock },
        // Built once: loading the dictionaries and the model is the slow part.
        { provide: ANALYZER, useFactory: () => createAnalyzer({ products, sentimentModels: loadDeploymentModels(config.ANALYSIS_MODEL_DIR) }) },
        { provide: PROCESSOR_GROUP, useValue: config.PROCESSOR_GROUP },
        EnrichMentionUseCase,
        ProcessorBootstrap,
        RawMentionsConsumer,
      ],
    };
  }
}
