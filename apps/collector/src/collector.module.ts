import { Module, type DynamicModule } from '@nestjs/common';
import { Clock, HealthModule, SystemClock } from '@vigil/common';
import { KafkaClient, KafkaModule } from '@vigil/kafka';
import { SearchClient, SearchModule } from '@vigil/search';
import type { CollectorConfig } from './collector.config';
import { HTTP_FETCHER_OPTIONS, HttpFetcher } from './http/http-fetcher';
import { RssAdapter } from './sources/rss.adapter';
import { SOURCE_ADAPTERS } from './sources/source-adapter';
import { SOURCES } from './sources/sources.provider';
import { loadSourcesFile } from './sources/sources-config';
import { SourceStateRepository } from './state/source-state.repository';
import { PollSourceUseCase } from './poll-source.usecase';
import { PollScheduler } from './poll-scheduler.service';
import { CollectorBootstrap } from './collector.bootstrap';

@Module({})
export class CollectorModule {
  /** `withInfra: false` when composed into the all-in-one process, which provides Kafka and search once. */
  static forRoot(config: CollectorConfig, opts: { withInfra?: boolean } = {}): DynamicModule {
    const sources = loadSourcesFile(config.SOURCES_FILE).sources;
    return {
      module: CollectorModule,
      imports: opts.withInfra === false ? [] : [
        KafkaModule.forRoot({ brokers: config.KAFKA_BROKERS.split(','), clientId: 'vigil-collector', topicPrefix: config.VIGIL_TOPIC_PREFIX }),
        SearchModule.forRoot({ node: config.ELASTICSEARCH_URL, indexPrefix: config.VIGIL_INDEX_PREFIX }),
        HealthModule.register([KafkaClient, SearchClient]),
      ],
      providers: [
        { provide: Clock, useClass: SystemClock },
        {
          provide: HTTP_FETCHER_OPTIONS,
          useValue: {
            timeoutMs: config.FETCH_TIMEOUT_MS,
            maxBytes: config.FETCH_MAX_BYTES,
            allowedHosts: config.COLLECTOR_ALLOW_HOSTS,
            perHostRate: config.FETCH_PER_HOST_RATE,
            userAgent: 'Vigil/0.1 (+reputation monitoring)',
          },
        },
        HttpFetcher,
        RssAdapter,
        { provide: SOURCE_ADAPTERS, useFactory: (rss: RssAdapter) => [rss], inject: [RssAdapter] },
        { provide: SOURCES, useValue: sources },
        SourceStateRepository,
        PollSourceUseCase,
        CollectorBootstrap,
        PollScheduler,
      ],
      exports: [PollSourceUseCase, SourceStateRepository],
    };
  }
}
