import { Injectable } from '@nestjs/common';
import type { IncidentPointer } from '@vigil/contracts';
import { incidentHash, IncidentsReader, writeVersioned, type StoredPointer } from '@vigil/search';

/**
 * One pointer document per incident key (`@vigil/search` incidents.index.ts). Opening a
 * ticket means claiming the pointer: `op_type: create` the first time, `if_seq_no`
 * afterwards — so when signals for one key race (partitions, instances, restarts), exactly
 * one opener wins and the others get a 409 and re-read. The pointer holds the whole opening,
 * so if the winner dies before writing the ticket document, the next reader writes it
 * (idempotently) instead of losing the incident.
 */
@Injectable()
export class IncidentsRepository extends IncidentsReader {
  /** True when this caller now owns the key's open cycle; false when another opener won. */
  async claim(pointer: IncidentPointer, expected: StoredPointer | undefined): Promise<boolean> {
    return (await writeVersioned(this.search, this.index, incidentHash(pointer.incidentKey), pointer, expected)) !== undefined;
  }
}
