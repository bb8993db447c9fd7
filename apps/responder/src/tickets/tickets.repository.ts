import { Injectable } from '@nestjs/common';
import { Ticket, type TicketDoc, type TicketEvent, type TicketOutbox } from '@vigil/contracts';
import { getVersioned, isConflict, ticketEventsIndex, TicketsReader, writeVersioned } from '@vigil/search';
import { hasPendingNotifications } from '@vigil/plan';

/** A ticket as read for writing: the version to compare on the next write. */
export interface StoredTicket {
  ticket: Ticket;
  seqNo: number;
  primaryTerm: number;
  outbox?: TicketOutbox;
}

/**
 * The responder's writes of tickets and their audit trail (index names, mappings, contract:
 * `@vigil/search` tickets.index.ts and ticket-events.index.ts). The responder is the only
 * writer; it reads through the same `TicketsReader` everyone else uses.
 */
@Injectable()
export class TicketsRepository extends TicketsReader {
  private get eventsIndex(): string {
    return ticketEventsIndex.name(this.search.options.indexPrefix);
  }

  async get(id: string): Promise<StoredTicket | undefined> {
    const r = await getVersioned<TicketDoc>(this.search, this.index, id);
    if (!r) return undefined;
    const { outbox, outboxPending, notificationsPending: _pending, ...doc } = r.source;
    return { ticket: Ticket.parse(doc), seqNo: r.seqNo, primaryTerm: r.primaryTerm, ...(outboxPending && outbox ? { outbox } : {}) };
  }

  /**
   * Writes a ticket with the change's outbox: `expected` undefined creates (fails if the id
   * exists), otherwise only if nobody wrote since `expected` was read. Undefined on conflict.
   */
  async write(ticket: Ticket, outbox: TicketOutbox, expected?: StoredTicket): Promise<StoredTicket | undefined> {
    const document: TicketDoc = { ...ticket, outbox, outboxPending: outbox.events.length + outbox.alerts.length + (outbox.outcomes?.length ?? 0) > 0, notificationsPending: hasPendingNotifications(ticket) };
    const v = await writeVersioned(this.search, this.index, ticket.id, document, expected);
    return v && { ticket, ...v, outbox };
  }

  /** Marks the outbox published; a conflict means a later writer already took it over. */
  async clearOutbox(stored: StoredTicket): Promise<void> {
    try {
      await this.search.es.update({
        index: this.index,
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
    const r = await this.search.es.search({ index: this.index, size, query: { term: { outboxPending: true } }, _source: false });
    return r.hits.hits.map((h) => h._id!);
  }

  /** Ids of tickets with notifications still to deliver (a back-off, or a sender that died). */
  async listNotificationsPending(size = 500): Promise<string[]> {
    const r = await this.search.es.search({ index: this.index, size, query: { term: { notificationsPending: true } }, _source: false });
    return r.hits.hits.map((h) => h._id!);
  }

  /** Audit trail: deterministic ids, so writing the same events again changes nothing. */
  async saveEvents(events: TicketEvent[]): Promise<void> {
    if (!events.length) return;
    const operations = events.flatMap((e) => [{ index: { _index: this.eventsIndex, _id: e.eventId } }, e]);
    const r = await this.search.es.bulk({ operations });
    const failed = r.items.find((i) => i.index?.error);
    if (failed) throw new Error(`storing ticket events failed: ${failed.index!.error!.type}: ${failed.index!.error!.reason}`);
  }

  /** Makes the latest writes visible to searches now (the ticker lists open tickets by search). */
  async refresh(): Promise<void> {
    await this.search.es.indices.refresh({ index: this.index });
  }
}
