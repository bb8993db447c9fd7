import { Module, type DynamicModule } from '@nestjs/common';
import { Clock, HealthModule, SystemClock, serviceConnections } from '@vigil/common';
import { KafkaClient, KafkaModule } from '@vigil/kafka';
import { SearchClient, SearchModule } from '@vigil/search';
import type { CollectorConfig } from './collector.config';
import { HTTP_FETCHER_OPTIONS, HttpFetcher, type HttpFetcherOptions } from './http/http-fetcher';
import { RssAdapter } from './sources/rss.adapter';
import { AppStoreAdapter } from './sources/appstore/appstore.adapter';
import { GooglePlayAdapter } from './sources/googleplay/googleplay.adapter';
import { MastodonAdapter } from './sources/mastodon/mastodon.adapter';
import { JsonApiAdapter } from './sources/json/json-api.adapter';
import { SOURCE_ADAPTERS, type SourceAdapter } from './sources/source-adapter';
import { SOURCES } from './sources/sources.provider';
import { hostRates, loadSourcesFile } from './sources/sources-config';
import { SourceStateRepository } from './state/source-state.repository';
import { PollSourceUseCase } from './poll-source.usecase';
import { PollScheduler } from './poll-scheduler.service';
import { CollectorBootstrap } from './collector.bootstrap';
import { AcceptIntakeUseCase, DATA_KEYS } from './intake/accept-intake.usecase';
import { IntakeController, INTAKE_MAX_BYTES } from './intake/intake.controller';
import { INTAKE_KEYS, IntakeKeyGuard } from './intake/intake-key.guard';
import { CollectorMetrics } from './metrics/collector-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { METRICS_TOKENS, MetricsTokenGuard } from './metrics/metrics-token.guard';

const ADAPTERS = [RssAdapter, AppStoreAdapter, GooglePlayAdapter, MastodonAdapter, JsonApiAdapter];

@Module({})
export class CollectorModule {
  /** `withInfra: false` when composed into the all-in-one process, which provides Kafka and search once. */
  static forRoot(config: CollectorConfig, opts: { withInfra?: boolean } = {}): DynamicModule {
    const file = loadSourcesFile(config.SOURCES_FILE);
    const fetcherOptions: HttpFetcherOptions = {
      timeoutMs: config.FETCH_TIMEOUT_MS,
      maxBytes: config.FETCH_MAX_BYTES,
      allowedHosts: config.COLLECTOR_ALLOW_HOSTS,
      perHostRate: config.FETCH_PER_HOST_RATE,
      hostRates: hostRates(file),
      userAgent: 'Vigil/0.1 (+reputation monitoring)',
    };
    return {
      module: CollectorModule,
      imports: opts.withInfra === false ? [] : [
        KafkaModule.forRoot({ ...serviceConnections(config).kafka, clientId: 'vigil-collector', topicPrefix: config.VIGIL_TOPIC_PREFIX, partitions: config.KAFKA_TOPIC_PARTITIONS }),
        SearchModule.forRoot({ ...serviceConnections(config).search, indexPrefix: config.VIGIL_INDEX_PREFIX }),
        HealthModule.register([KafkaClient, SearchClient]),
      ],
      controllers: [IntakeController, MetricsController],
      providers: [
        { provide: Clock, useClass: SystemClock },
        { provide: HTTP_FETCHER_OPTIONS, useValue: fetcherOptions },
        HttpFetcher,
        ...ADAPTERS,
        { provide: SOURCE_ADAPTERS, useFactory: (...adapters: SourceAdapter[]) => adapters, inject: ADAPTERS },
        { provide: SOURCES, useValue: file.sources },
        SourceStateRepository,
        PollSourceUseCase,
        CollectorBootstrap,
        PollScheduler,
        CollectorMetrics,
        { provide: INTAKE_KEYS, useValue: config.INTAKE_API_KEYS },
        { provide: METRICS_TOKENS, useValue: config.METRICS_TOKENS },
        MetricsTokenGuard,
        { provide: INTAKE_MAX_BYTES, useValue: config.INTAKE_MAX_BYTES },
        IntakeKeyGuard,
        { provide: DATA_KEYS, useValue: config.VIGIL_DATA_KEYS },
        AcceptIntakeUseCase,
      ],
      exports: [PollSourceUseCase, SourceStateRepository, CollectorMetrics],
    };
  }
}
