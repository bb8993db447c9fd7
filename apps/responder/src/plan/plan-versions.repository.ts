import { Injectable } from '@nestjs/common';
import type { PlanVersionEntry } from '@vigil/contracts';
import { PlanVersionsReader } from '@vigil/search';

/** The plan's audit trail (`@vigil/search` plan-versions.index.ts): deterministic ids, so recording an entry twice changes nothing. */
@Injectable()
export class PlanVersionsRepository extends PlanVersionsReader {
  async record(id: string, entry: PlanVersionEntry): Promise<void> {
    await this.search.es.index({ index: this.index, id, document: entry });
  }
}
