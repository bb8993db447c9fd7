import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { TicketAction } from '@vigil/contracts';
import { createLogger } from '@vigil/common';
import { ConsumerFactory, type ConsumedMessage } from '@vigil/kafka';
import { RESPONDER_OPTIONS, type ResponderOptions } from '../responder.tokens';
import { ApplyTicketActionUseCase } from './apply-ticket-action.usecase';

/** ticket.actions (from the api) → ticket changes or `action_rejected` events. */
@Injectable()
export class TicketActionsConsumer implements OnApplicationBootstrap {
  private readonly logger = createLogger('responder');

  constructor(
    private readonly consumers: ConsumerFactory,
    private readonly applyAction: ApplyTicketActionUseCase,
    @Inject(RESPONDER_OPTIONS) private readonly options: ResponderOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers
      .create({ groupId: this.options.actionsGroup, topic: 'ticketActions', schema: TicketAction, logger: this.logger, chunkSize: 50, handle: (m) => this.onActions(m) })
      .start();
  }

  async onActions(messages: ConsumedMessage<TicketAction>[]): Promise<void> {
    for (const m of messages) {
      const outcome = await this.applyAction.execute(m.value);
      this.logger.debug({ requestId: m.value.requestId, ...outcome }, 'action handled');
    }
  }
}
