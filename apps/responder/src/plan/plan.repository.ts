import { Injectable } from '@nestjs/common';
import type { PublishedPlan } from '@vigil/contracts';
import { PLAN_DOC_ID, PlanReader, writeVersioned, type StoredPlan } from '@vigil/search';

/**
 * The responder's writes of the published plan (`@vigil/search` plan.index.ts). Optimistic:
 * responder instances that publish at the same moment (a file edit seen by each) do not
 * overwrite each other; the loser re-reads and finds the same hash already there.
 */
@Injectable()
export class PlanRepository extends PlanReader {
  /** Creates the document (`expected` undefined) or replaces the version read; undefined on conflict. Readers get it by id, realtime. */
  async write(doc: PublishedPlan, expected: StoredPlan | undefined): Promise<StoredPlan | undefined> {
    const v = await writeVersioned(this.search, this.index, PLAN_DOC_ID, doc, expected);
    return v && { doc, ...v };
  }
}
