import { Module, type DynamicModule } from '@nestjs/common';
import { Clock, HealthModule, SystemClock, serviceConnections } from '@vigil/common';
import { KafkaClient, KafkaModule } from '@vigil/kafka';
import { SearchClient, SearchModule } from '@vigil/search';
import { COLLECTOR_TESTS_GROUP, type CollectorConfig } from './collector.config';
import { HTTP_FETCHER_OPTIONS, HttpFetcher, type HttpFetcherOptions } from './http/http-fetcher';
import { RssAdapter } from './sources/rss.adapter';
import { AppStoreAdapter } from './sources/appstore/appstore.adapter';
import { GooglePlayAdapter } from './sources/googleplay/googleplay.adapter';
import { MastodonAdapter } from './sources/mastodon/mastodon.adapter';
import { JsonApiAdapter } from './sources/json/json-api.adapter';
import { SOURCE_ADAPTERS, type SourceAdapter } from './sources/source-adapter';
import { hostRates, loadSourcesFile } from './sources/sources-config';
import { rawSourcesOfYaml } from './sources/stored-sources';
import { SOURCE_REGISTRY_OPTIONS, SourceRegistry, type SourceRegistryOptions } from './sources/source-registry';
import { SourcesSeedRepository } from './sources/sources-seed.repository';
import { TestFetchUseCase } from './sources/test-fetch.usecase';
import { SourceTestsConsumer } from './sources/source-tests.consumer';
import fs from 'node:fs';
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
    // The YAML seeds the store (sources it lists that the store lacks); the store is what is polled.
    const file = loadSourcesFile(config.SOURCES_FILE);
    const registryOptions: SourceRegistryOptions = {
      file: { path: config.SOURCES_FILE, parsed: file, raw: rawSourcesOfYaml(fs.readFileSync(config.SOURCES_FILE, 'utf8'), config.SOURCES_FILE) },
      pollMs: config.SOURCES_POLL_MS,
      importDirs: config.COLLECTOR_IMPORT_DIRS,
      vars: config.COLLECTOR_SOURCE_VARS,
      env: process.env,
    };
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
        { provide: SOURCE_REGISTRY_OPTIONS, useValue: registryOptions },
        SourcesSeedRepository,
        SourceRegistry,
        TestFetchUseCase,
        SourceTestsConsumer,
        { provide: COLLECTOR_TESTS_GROUP, useValue: config.COLLECTOR_TESTS_GROUP },
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
      exports: [PollSourceUseCase, SourceStateRepository, CollectorMetrics, PollScheduler, SourceRegistry],
    };
  }
}
