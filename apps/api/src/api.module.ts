import { Module, type DynamicModule } from '@nestjs/common';
import { HealthModule } from '@vigil/common';
import { KafkaClient, KafkaModule } from '@vigil/kafka';
import { SearchClient, SearchModule } from '@vigil/search';
import type { ApiConfig } from './api.config';
import { MentionsController } from './mentions/mentions.controller';
import { MentionsRepository } from './mentions/mentions.repository';

@Module({})
export class ApiModule {
  static forRoot(config: ApiConfig, opts: { withInfra?: boolean } = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: opts.withInfra === false ? [] : [
        KafkaModule.forRoot({ brokers: config.KAFKA_BROKERS.split(','), clientId: 'vigil-api', topicPrefix: config.VIGIL_TOPIC_PREFIX }),
        SearchModule.forRoot({ node: config.ELASTICSEARCH_URL, indexPrefix: config.VIGIL_INDEX_PREFIX }),
        HealthModule.register([KafkaClient, SearchClient]),
      ],
      controllers: [MentionsController],
      providers: [MentionsRepository],
    };
  }
}
