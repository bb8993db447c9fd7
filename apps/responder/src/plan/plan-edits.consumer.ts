import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PlanEdit } from '@vigil/contracts';
import { createLogger } from '@vigil/common';
import { ConsumerFactory, type ConsumedMessage } from '@vigil/kafka';
import { RESPONDER_OPTIONS, type ResponderOptions } from '../responder.tokens';
import { ApplyPlanEditUseCase } from './apply-plan-edit.usecase';

/** plan.edits (from the api) → a new plan in force and published, or a published refusal. */
@Injectable()
export class PlanEditsConsumer implements OnApplicationBootstrap {
  private readonly logger = createLogger('responder');

  constructor(
    private readonly consumers: ConsumerFactory,
    private readonly applyEdit: ApplyPlanEditUseCase,
    @Inject(RESPONDER_OPTIONS) private readonly options: ResponderOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.create({ groupId: this.options.planGroup, topic: 'planEdits', schema: PlanEdit, logger: this.logger, chunkSize: 10, handle: (m) => this.onEdits(m) }).start();
  }

  async onEdits(messages: ConsumedMessage<PlanEdit>[]): Promise<void> {
    for (const m of messages) {
      const outcome = await this.applyEdit.execute(m.value);
      this.logger.debug({ requestId: m.value.requestId, actor: m.value.actor, outcome }, 'plan edit handled');
    }
  }
}
