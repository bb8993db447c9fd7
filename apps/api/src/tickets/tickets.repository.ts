import { Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import type { Ticket, TicketEvent } from '@vigil/contracts';
import { isNotFound, SearchClient } from '@vigil/search';
import type { TicketListQuery } from './tickets.dto';


/**
 * Reads what the responder writes (`<prefix>tickets`, `<prefix>ticket-events`). The api
 * never writes tickets: a person's action goes to the responder on `ticket.actions`.
 * Before the responder has run, the indices do not exist and lists are empty.
 */
@Injectable()
export class TicketsRepository {
  constructor(private readonly client: SearchClient) {}

  async list(q: TicketListQuery): Promise<{ total: number; tickets: Ticket[] }> {
    const filter: estypes.QueryDslQueryContainer[] = [];
    if (q.state.length) filter.push({ terms: { state: q.state } });
    if (q.level.length) filter.push({ terms: { level: q.level } });
    const res = await this.client.es.search<Ticket>({
      index: this.client.names.tickets,
      ignore_unavailable: true,
      allow_no_indices: true,
      size: q.size,
      track_total_hits: true,
      query: { bool: { filter } },
      sort: [{ openedAt: { order: 'desc', unmapped_type: 'date' } }],
    });
    const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
    return { total, tickets: res.hits.hits.map((h) => h._source!) };
  }

  async get(id: string): Promise<Ticket | undefined> {
    try {
      return (await this.client.es.get<Ticket>({ index: this.client.names.tickets, id }))._source;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** The ticket's audit trail in order (at most 1000 events). */
  async events(ticketId: string): Promise<TicketEvent[]> {
    const res = await this.client.es.search<TicketEvent>({
      index: this.client.names.ticketEvents,
      ignore_unavailable: true,
      allow_no_indices: true,
      size: 1000,
      query: { bool: { filter: [{ term: { ticketId } }] } },
      sort: [{ at: { order: 'asc', unmapped_type: 'date' } }, { seq: { order: 'asc', unmapped_type: 'long' } }],
    });
    return res.hits.hits.map((h) => h._source!);
  }
}
