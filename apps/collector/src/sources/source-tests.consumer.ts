import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { SourceTestRequest } from '@vigil/contracts';
import { Clock, createLogger } from '@vigil/common';
import { ConsumerFactory, KafkaClient, MessageProducer, type ConsumedMessage } from '@vigil/kafka';
import { COLLECTOR_TESTS_GROUP } from '../collector.config';
import { TestFetchUseCase } from './test-fetch.usecase';

/** A request older than this was given up by the api that sent it (it waits 30 s). */
const STALE_MS = 60_000;

/** source.tests → one test fetch each → source.test-results, keyed by the request id. */
@Injectable()
export class SourceTestsConsumer implements OnApplicationBootstrap {
  private readonly logger = createLogger('collector');

  constructor(
    private readonly kafka: KafkaClient,
    private readonly consumers: ConsumerFactory,
    private readonly producer: MessageProducer,
    private readonly testFetch: TestFetchUseCase,
    private readonly clock: Clock,
    @Inject(COLLECTOR_TESTS_GROUP) private readonly groupId: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.kafka.ensureTopics(['sourceTests', 'sourceTestResults']);
    await this.consumers.create({ groupId: this.groupId, topic: 'sourceTests', schema: SourceTestRequest, fromBeginning: false, logger: this.logger, handle: (m) => this.onRequests(m) }).start();
  }

  async onRequests(messages: ConsumedMessage<SourceTestRequest>[]): Promise<void> {
    const now = this.clock.now().getTime();
    const fresh = messages.filter((m) => now - Date.parse(m.value.at) < STALE_MS);
    const results = await Promise.all(fresh.map((m) => this.testFetch.execute(m.value.requestId, m.value.config)));
    await this.producer.send('sourceTestResults', results.map((r) => ({ key: r.requestId, value: r })));
    for (const r of results) this.logger.info({ requestId: r.requestId, ok: r.ok, fetched: r.fetched, ms: r.ms }, 'test fetch');
  }
}
