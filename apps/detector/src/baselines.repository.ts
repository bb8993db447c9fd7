import { Injectable } from '@nestjs/common';
import type { BaselineStatus } from '@vigil/contracts';
import { BaselinesReader, BulkIndexer, SearchClient } from '@vigil/search';

/** The detector writes its keys' baseline states (warming up, coverage gap, ready) when they change. */
@Injectable()
export class BaselinesRepository extends BaselinesReader {
  constructor(
    search: SearchClient,
    private readonly bulk: BulkIndexer,
  ) {
    super(search);
  }

  async save(statuses: BaselineStatus[]): Promise<void> {
    if (!statuses.length) return;
    const latest = new Map(statuses.map((s) => [s.key, s]));
    const r = await this.bulk.index([...latest.values()].map((doc) => ({ index: this.index, id: doc.key, doc })));
    if (r.failed.length) throw new Error(`elasticsearch refused ${r.failed.length} baseline status(es): ${r.failed[0].error}`);
  }
}
