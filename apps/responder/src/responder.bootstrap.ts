import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { KafkaClient } from '@vigil/kafka';
import { SearchClient } from '@vigil/search';
import { PlanStore } from './plan/plan.store';
import { PLAN_WATCH_MS } from './responder.tokens';

/** Topics and indices exist before the first message; the plan is watched from here on. */
@Injectable()
export class ResponderBootstrap implements OnModuleInit {
  constructor(
    private readonly kafka: KafkaClient,
    private readonly search: SearchClient,
    private readonly plans: PlanStore,
    @Inject(PLAN_WATCH_MS) private readonly planWatchMs: number,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.kafka.ensureTopics(['signals', 'ticketActions', 'ticketEvents', 'alerts', 'dlq']);
    await this.search.ensureIndices();
    this.plans.watch(this.planWatchMs);
  }
}
