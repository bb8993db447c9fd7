import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Alert, Ticket, TicketEvent } from '@vigil/contracts';
import { isConflict, isNotFound, SearchClient } from '@vigil/search';
import { responderIndexNames } from './tickets.mapping';

/** The latest ticket opened on an incident key, with the opening itself (see `claim`). */
export interface IncidentPointer {
  incidentKey: string;
  ticketId: string;
  /** 0 for the first ticket on the key, +1 for each later one (after the previous was closed for good). */
  cycle: number;
  claimedAt: string;
  opening: { ticket: Ticket; events: TicketEvent[]; alerts: Alert[] };
}

export interface StoredPointer {
  pointer: IncidentPointer;
  seqNo: number;
  primaryTerm: number;
}

export const incidentHash = (incidentKey: string): string => createHash('sha256').update(incidentKey).digest('hex');

/**
 * One pointer document per incident key. Opening a ticket means claiming the pointer:
 * `op_type: create` the first time, `if_seq_no` afterwards — so when signals for one key
 * race (partitions, instances, restarts), exactly one opener wins and the others get a 409
 * and re-read. The pointer holds the whole opening, so if the winner dies before writing the
 * ticket document, the next reader writes it (idempotently) instead of losing the incident.
 */
@Injectable()
export class IncidentsRepository {
  constructor(private readonly search: SearchClient) {}

  private get index(): string {
    return responderIndexNames(this.search.names).incidents;
  }

  async get(incidentKey: string): Promise<StoredPointer | undefined> {
    try {
      const r = await this.search.es.get<IncidentPointer>({ index: this.index, id: incidentHash(incidentKey) });
      return { pointer: r._source!, seqNo: r._seq_no!, primaryTerm: r._primary_term! };
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** True when this caller now owns the key's open cycle; false when another opener won. */
  async claim(pointer: IncidentPointer, expected: StoredPointer | undefined): Promise<boolean> {
    const id = incidentHash(pointer.incidentKey);
    try {
      if (expected) await this.search.es.index({ index: this.index, id, document: pointer, if_seq_no: expected.seqNo, if_primary_term: expected.primaryTerm });
      else await this.search.es.index({ index: this.index, id, document: pointer, op_type: 'create' });
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }
}
