import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { SourceTestResult, type SourceTestRequest } from '@vigil/contracts';
import { Clock, createLogger } from '@vigil/common';
import { ConsumerFactory, KafkaClient, MessageProducer } from '@vigil/kafka';

/** How long a form waits for the collector's answer. */
export const TEST_FETCH_TIMEOUT_MS = 30_000;

/**
 * The api's side of "test fetch": the collector fetches (with its own fetcher, guard and
 * environment, wherever it runs), so the api asks it on `source.tests` and waits for the answer
 * with the same request id on `source.test-results`. Every api instance reads the results with a
 * consumer group of its own, from the start of the topic (it is small), so an answer that comes
 * while the group is still joining is not missed.
 */
@Injectable()
export class SourceTestsClient implements OnApplicationBootstrap {
  private readonly logger = createLogger('api');
  private readonly pending = new Map<string, (r: SourceTestResult) => void>();
  private readonly groupId = `vigil-api-source-tests-${randomBytes(4).toString('hex')}`;

  constructor(
    private readonly kafka: KafkaClient,
    private readonly consumers: ConsumerFactory,
    private readonly producer: MessageProducer,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.kafka.ensureTopics(['sourceTests', 'sourceTestResults']);
    await this.consumers
      .create({
        groupId: this.groupId,
        topic: 'sourceTestResults',
        schema: SourceTestResult,
        fromBeginning: true,
        logger: this.logger,
        handle: async (ms) => {
          for (const m of ms) this.pending.get(m.value.requestId)?.(m.value);
        },
      })
      .start();
  }

  /** The collector's answer, or undefined when none came in time (no collector running?). */
  async request(config: Record<string, unknown>, actor: string, timeoutMs = TEST_FETCH_TIMEOUT_MS): Promise<SourceTestResult | undefined> {
    const req: SourceTestRequest = { requestId: randomUUID(), config, requestedBy: actor, at: this.clock.now().toISOString() };
    const answer = new Promise<SourceTestResult | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(req.requestId);
        resolve(undefined);
      }, timeoutMs);
      this.pending.set(req.requestId, (r) => {
        clearTimeout(timer);
        this.pending.delete(req.requestId);
        resolve(r);
      });
    });
    await this.producer.send('sourceTests', [{ key: req.requestId, value: req }]);
    this.logger.info({ requestId: req.requestId, actor, sourceId: config.id }, 'test fetch requested');
    return answer;
  }
}
