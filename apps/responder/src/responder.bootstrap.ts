import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { KafkaClient } from '@vigil/kafka';
import { SearchClient } from '@vigil/search';
import { PlanStore } from './plan/plan.store';
import { PlanPublisher } from './plan/plan-publisher.service';
import { PLAN_WATCH_MS } from './responder.tokens';

/** Topics and indices exist before the first message; the plan is published, then watched from here on. */
@Injectable()
export class ResponderBootstrap implements OnModuleInit {
  constructor(
    private readonly kafka: KafkaClient,
    private readonly search: SearchClient,
    private readonly plans: PlanStore,
    private readonly publisher: PlanPublisher,
    @Inject(PLAN_WATCH_MS) private readonly planWatchMs: number,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.kafka.ensureTopics(['signals', 'ticketActions', 'ticketEvents', 'alerts', 'incidentOutcomes', 'planEdits', 'dlq']);
    await this.search.ensureIndices();
    // Published before any consumer starts: the api and other instances read what this one runs.
    await this.publisher.start(this.planWatchMs);
    this.plans.watch(this.planWatchMs);
  }
}
