import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IncidentPointer } from '@vigil/contracts';
import { getVersioned } from '../versioned';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex } from './stored-index';

/**
 * Per-incident claim pointers (writer: responder; read by the tests). One document per
 * incident key, `_id` = sha256 of the key: the latest ticket opened on it, with the opening
 * itself. The responder claims it with `op_type: create` / `if_seq_no` so only one ticket is
 * ever open per key (see the responder's IncidentsRepository).
 */
export const incidentsIndex = singleIndex({
  document: 'incidents',
  suffix: 'ticket-incidents',
  writer: 'responder',
  schema: IncidentPointer,
  mappings: {
    dynamic: false,
    properties: { incidentKey: { type: 'keyword' }, ticketId: { type: 'keyword' }, cycle: { type: 'integer' }, claimedAt: { type: 'date' }, opening: { type: 'object', enabled: false } },
  },
});

export const incidentHash = (incidentKey: string): string => createHash('sha256').update(incidentKey).digest('hex');

/** A pointer with the version to compare on the next claim. */
export interface StoredPointer {
  pointer: IncidentPointer;
  seqNo: number;
  primaryTerm: number;
}

@Injectable()
export class IncidentsReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return incidentsIndex.name(this.search.options.indexPrefix);
  }

  /** Realtime (a get by id): a claim just made is seen at once. */
  async get(incidentKey: string): Promise<StoredPointer | undefined> {
    const r = await getVersioned<IncidentPointer>(this.search, this.index, incidentHash(incidentKey));
    return r && { pointer: r.source, seqNo: r.seqNo, primaryTerm: r.primaryTerm };
  }
}
