import { Injectable } from '@nestjs/common';
import { Alert, Ticket, TicketEvent, type TicketState } from '@vigil/contracts';
import { isConflict, isNotFound, SearchClient } from '@vigil/search';
import { responderIndexNames } from './tickets.mapping';

/** Events and alerts of the last change, kept on the ticket document until confirmed published. */
export interface TicketOutboxEntry {
  events: TicketEvent[];
  alerts: Alert[];
}

/** A ticket as read for writing: the version to compare on the next write. */
export interface StoredTicket {
  ticket: Ticket;
  seqNo: number;
  primaryTerm: number;
  outbox?: TicketOutboxEntry;
}

interface TicketDoc extends Ticket {
  outbox?: TicketOutboxEntry | null;
  outboxPending?: boolean;
}

/** States whose SLA clocks run and that count as "the open ticket" of an incident. */
export const ACTIVE_STATES: readonly TicketState[] = ['open', 'acknowledged', 'investigating', 'responding'];

/**
 * Tickets and their audit trail in Elasticsearch (index names and mappings: tickets.mapping.ts).
 * The read methods (`find`, `listOpen`, `listEvents`) are the api's too: the responder is
 * the only writer, everyone else reads through here. Reads by id are realtime; searches
 * (`listOpen`, `listEvents`) see writes after the 1 s refresh.
 */
@Injectable()
export class TicketsRepository {
  constructor(private readonly search: SearchClient) {}

  private get index() {
    return responderIndexNames(this.search.names);
  }

  async find(id: string): Promise<Ticket | undefined> {
    return (await this.get(id))?.ticket;
  }

  /** Active tickets (open … responding), most recently opened first. */
  async listOpen(opts: { size?: number; from?: number } = {}): Promise<Ticket[]> {
    const r = await this.search.es.search<TicketDoc>({
      index: this.index.tickets,
      size: opts.size ?? 1000,
      from: opts.from ?? 0,
      query: { terms: { state: [...ACTIVE_STATES] } },
      sort: [{ openedAt: 'desc' }, { id: 'asc' }],
    });
    return r.hits.hits.map((h) => Ticket.parse(h._source));
  }

  /** Every active ticket, a page at a time (search_after), however many there are. */
  async *eachOpen(pageSize = 500): AsyncGenerator<Ticket> {
    let after: Array<string | number> | undefined;
    for (;;) {
      const r = await this.search.es.search<TicketDoc>({
        index: this.index.tickets,
        size: pageSize,
        query: { terms: { state: [...ACTIVE_STATES] } },
        sort: [{ openedAt: 'asc' }, { id: 'asc' }],
        ...(after && { search_after: after }),
      });
      for (const h of r.hits.hits) yield Ticket.parse(h._source);
      if (r.hits.hits.length < pageSize) return;
      after = r.hits.hits.at(-1)!.sort as Array<string | number>;
    }
  }

  /** The audit trail of one ticket in order (rejected actions carry seq 0 and come first). */
  async listEvents(ticketId: string, opts: { size?: number } = {}): Promise<TicketEvent[]> {
    const r = await this.search.es.search<TicketEvent>({
      index: this.index.ticketEvents,
      size: opts.size ?? 1000,
      query: { term: { ticketId } },
      sort: [{ seq: 'asc' }, { at: 'asc' }],
    });
    return r.hits.hits.map((h) => TicketEvent.parse(h._source));
  }

  // --- writes: the responder only ---------------------------------------------------------

  async get(id: string): Promise<StoredTicket | undefined> {
    try {
      const r = await this.search.es.get<TicketDoc>({ index: this.index.tickets, id });
      const { outbox, outboxPending, ...doc } = r._source!;
      return { ticket: Ticket.parse(doc), seqNo: r._seq_no!, primaryTerm: r._primary_term!, ...(outboxPending && outbox ? { outbox } : {}) };
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /**
   * Writes a ticket with the change's outbox: `expected` undefined creates (fails if the id
   * exists), otherwise only if nobody wrote since `expected` was read. Undefined on conflict.
   */
  async write(ticket: Ticket, outbox: TicketOutboxEntry, expected?: StoredTicket): Promise<StoredTicket | undefined> {
    const document: TicketDoc = { ...ticket, outbox, outboxPending: outbox.events.length + outbox.alerts.length > 0 };
    try {
      const r = expected
        ? await this.search.es.index({ index: this.index.tickets, id: ticket.id, document, if_seq_no: expected.seqNo, if_primary_term: expected.primaryTerm })
        : await this.search.es.index({ index: this.index.tickets, id: ticket.id, document, op_type: 'create' });
      return { ticket, seqNo: r._seq_no!, primaryTerm: r._primary_term!, outbox };
    } catch (e) {
      if (isConflict(e)) return undefined;
      throw e;
    }
  }

  /** Marks the outbox published; a conflict means a later writer already took it over. */
  async clearOutbox(stored: StoredTicket): Promise<void> {
    try {
      await this.search.es.update({
        index: this.index.tickets,
        id: stored.ticket.id,
        doc: { outbox: null, outboxPending: false },
        if_seq_no: stored.seqNo,
        if_primary_term: stored.primaryTerm,
      });
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
  }

  /** Ids of tickets whose last change may not have been published (crash between write and send). */
  async listPendingOutbox(size = 500): Promise<string[]> {
    const r = await this.search.es.search({ index: this.index.tickets, size, query: { term: { outboxPending: true } }, _source: false });
    return r.hits.hits.map((h) => h._id!);
  }

  /** Audit trail: deterministic ids, so writing the same events again changes nothing. */
  async saveEvents(events: TicketEvent[]): Promise<void> {
    if (!events.length) return;
    const operations = events.flatMap((e) => [{ index: { _index: this.index.ticketEvents, _id: e.eventId } }, e]);
    const r = await this.search.es.bulk({ operations });
    const failed = r.items.find((i) => i.index?.error);
    if (failed) throw new Error(`storing ticket events failed: ${failed.index!.error!.type}: ${failed.index!.error!.reason}`);
  }

  /** Makes the latest writes visible to searches now (the ticker lists open tickets by search). */
  async refresh(): Promise<void> {
    await this.search.es.indices.refresh({ index: this.index.tickets });
  }
}
