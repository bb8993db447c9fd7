import { Injectable } from '@nestjs/common';
import type { StoredCorrection } from '@vigil/contracts';
import { CorrectionsReader } from '@vigil/search';

/** The indexer's writes of the corrections' audit trail: one document per correction, by its id (a redelivery rewrites the same). */
@Injectable()
export class CorrectionsRepository extends CorrectionsReader {
  async record(c: StoredCorrection): Promise<void> {
    await this.search.es.index({ index: this.index, id: c.id, document: c, refresh: 'wait_for' });
  }
}
