import { Injectable } from '@nestjs/common';
import type { PublishedPlan } from '@vigil/contracts';
import { isConflict, PLAN_DOC_ID, PlanReader, type StoredPlan } from '@vigil/search';

/**
 * The responder's writes of the published plan (`@vigil/search` plan.index.ts). Optimistic:
 * responder instances that publish at the same moment (a file edit seen by each) do not
 * overwrite each other; the loser re-reads and finds the same hash already there.
 */
@Injectable()
export class PlanRepository extends PlanReader {
  /** Creates the document (`expected` undefined) or replaces the version read; undefined on conflict. Readers get it by id, realtime. */
  async write(doc: PublishedPlan, expected: StoredPlan | undefined): Promise<StoredPlan | undefined> {
    try {
      const r = expected
        ? await this.search.es.index({ index: this.index, id: PLAN_DOC_ID, document: doc, if_seq_no: expected.seqNo, if_primary_term: expected.primaryTerm })
        : await this.search.es.index({ index: this.index, id: PLAN_DOC_ID, document: doc, op_type: 'create' });
      return { doc, seqNo: r._seq_no!, primaryTerm: r._primary_term! };
    } catch (e) {
      if (isConflict(e)) return undefined;
      throw e;
    }
  }
}
