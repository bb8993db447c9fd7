import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { Clock, createLogger } from '@vigil/common';
import { TicketAction } from '@vigil/contracts';
import { MessageProducer } from '@vigil/kafka';
import { TicketsReader } from '@vigil/search';
import type { Principal } from '../auth/roles';
import type { TicketActionBody } from './tickets.dto';

/** A person's action becomes a `ticket.actions` message; the responder decides and the outcome comes back live. */
@Injectable()
export class RequestTicketActionUseCase {
  private readonly logger = createLogger('api');

  constructor(
    private readonly tickets: TicketsReader,
    private readonly producer: MessageProducer,
    private readonly clock: Clock,
  ) {}

  async execute(ticketId: string, body: TicketActionBody, actor: Principal): Promise<{ requestId: string; ticketId: string; type: string }> {
    if (!(await this.tickets.find(ticketId))) throw new NotFoundException(`no ticket ${ticketId}`);
    const action = TicketAction.parse({ ...body, ticketId, actor: actor.name, requestId: body.requestId ?? randomUUID(), at: this.clock.now().toISOString() });
    await this.producer.send('ticketActions', [{ key: ticketId, value: action }]);
    this.logger.info({ ticketId, requestId: action.requestId, type: action.type, actor: actor.name }, 'ticket action sent');
    return { requestId: action.requestId, ticketId, type: action.type };
  }
}
