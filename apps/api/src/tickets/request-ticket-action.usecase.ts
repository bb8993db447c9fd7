import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { Clock, createLogger } from '@vigil/common';
import { TicketAction } from '@vigil/contracts';
import { MessageProducer } from '@vigil/kafka';
import { KnowledgeReader, TicketsReader } from '@vigil/search';
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
    private readonly knowledge: KnowledgeReader,
  ) {}

  async execute(ticketId: string, body: TicketActionBody, actor: Principal): Promise<{ requestId: string; ticketId: string; type: string }> {
    if (!(await this.tickets.find(ticketId))) throw new NotFoundException(`no ticket ${ticketId}`);
    const used = await this.knowledgeUsed(body);
    const action = TicketAction.parse({ ...body, ...used, ticketId, actor: actor.name, requestId: body.requestId ?? randomUUID(), at: this.clock.now().toISOString() });
    await this.producer.send('ticketActions', [{ key: ticketId, value: action }]);
    this.logger.info({ ticketId, requestId: action.requestId, type: action.type, actor: actor.name }, 'ticket action sent');
    return { requestId: action.requestId, ticketId, type: action.type };
  }

  /**
   * An action that says it used a knowledge-base entry must name one that exists at that version and
   * is not retired; a remedy takes the entry's authority from the stored entry, never from the client.
   */
  private async knowledgeUsed(body: TicketActionBody): Promise<{ knowledge?: { entryId: string; version: number; authority?: 'frontline' | 'lead' } }> {
    if ((body.type !== 'propose_remedy' && body.type !== 'record_response') || !body.knowledge) return {};
    const { entryId, version } = body.knowledge;
    const e = await this.knowledge.get(entryId);
    if (!e) throw new BadRequestException(`no knowledge entry "${entryId}"`);
    if (e.deletedAt) throw new ConflictException(`knowledge entry "${entryId}" was retired by ${e.deletedBy ?? '?'} at ${e.deletedAt}; pick another`);
    if (version > e.version) throw new BadRequestException(`knowledge entry "${entryId}" has no version ${version} (it is at ${e.version})`);
    if (body.type === 'record_response' && e.kind !== 'reply') throw new BadRequestException(`knowledge entry "${entryId}" is a remedy, not a reply`);
    if (body.type === 'propose_remedy' && e.kind !== 'remedy') throw new BadRequestException(`knowledge entry "${entryId}" is a reply, not a remedy`);
    return { knowledge: body.type === 'propose_remedy' ? { entryId, version, authority: e.authority } : { entryId, version } };
  }
}
