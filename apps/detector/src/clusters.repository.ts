import { Inject, Injectable } from '@nestjs/common';
import { ClusterDoc } from '@vigil/contracts';
import { ClusterRecord, clusterSeverity, type DetectionConfig } from '@vigil/detection';
import { BulkIndexer, SearchClient } from '@vigil/search';
import { DETECTION_CONFIG } from './detector.tokens';

/** The detector's writes of clusters (index, mapping, contract: `@vigil/search` clusters.index.ts), and the active ones it rebuilds from. */
@Injectable()
export class ClustersRepository {
  constructor(
    private readonly search: SearchClient,
    private readonly bulk: BulkIndexer,
    @Inject(DETECTION_CONFIG) private readonly config: DetectionConfig,
  ) {}

  /**
   * `version`: the partition's outbox number of the save these documents come from. A document
   * is written only over an older or equal one, so an instance that wakes after losing its
   * partition cannot put a cluster back as it was before the new owner's writes.
   */
  async save(docs: ClusterDoc[], version: number): Promise<void> {
    if (!docs.length) return;
    const latest = new Map(docs.map((d) => [d.id, d]));
    // Signals are not stored anywhere people can read them back; the cluster carries its
    // current severity and factors (same rules as its signals) so the dashboard can explain it.
    const withSeverity = [...latest.values()].map((d) => ({ ...d, severity: clusterSeverity(ClusterRecord.fromDoc(d), this.config) }));
    const r = await this.bulk.index(withSeverity.map((d) => ({ index: this.search.names.clusters, id: d.id, doc: d, version })));
    // 409: a newer save's document is there already. Anything else the server refuses is a bug of ours, not bad input: retry the chunk.
    const failed = r.failed.filter((f) => f.status !== 409);
    if (failed.length) throw new Error(`elasticsearch refused ${failed.length} cluster(s): ${failed[0]!.error}`);
  }

  /** Every active cluster, in pages (search_after), for a restart. */
  async listActive(limit = 50_000): Promise<ClusterDoc[]> {
    // The last writes before a crash may not be refreshed yet; a restart must see them.
    await this.search.es.indices.refresh({ index: this.search.names.clusters, ignore_unavailable: true, allow_no_indices: true });
    const out: ClusterDoc[] = [];
    let after: (string | number)[] | undefined;
    while (out.length < limit) {
      const r = await this.search.es.search<ClusterDoc>({
        index: this.search.names.clusters,
        ignore_unavailable: true,
        allow_no_indices: true,
        size: 1000,
        query: { term: { status: 'active' } },
        sort: [{ id: 'asc' }],
        search_after: after,
      });
      const hits = r.hits.hits;
      if (!hits.length) break;
      for (const h of hits) {
        const parsed = ClusterDoc.safeParse(h._source);
        if (parsed.success) out.push(parsed.data);
      }
      after = hits[hits.length - 1].sort as (string | number)[];
    }
    return out;
  }
}
