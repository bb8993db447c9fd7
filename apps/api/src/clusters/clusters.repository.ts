import { Injectable } from '@nestjs/common';
import type { ClusterDoc } from '@vigil/contracts';
import { isNotFound, SearchClient } from '@vigil/search';

/** The detector's internal carry-over state is not for people; lists and details leave it out. */
export type ClusterView = Omit<ClusterDoc, 'state'>;

/** One cluster, plus the event times of its most recent posts for the growth chart. */
export type ClusterDetail = ClusterView & { recentTimes: number[] };

/** Reads what the detector writes (`<prefix>clusters`); empty before it has run. */
@Injectable()
export class ClustersRepository {
  constructor(private readonly client: SearchClient) {}

  async list(q: { status: string[]; size: number }): Promise<{ total: number; clusters: ClusterView[] }> {
    const res = await this.client.es.search<ClusterView>({
      index: this.client.names.clusters,
      ignore_unavailable: true,
      allow_no_indices: true,
      size: q.size,
      track_total_hits: true,
      _source_excludes: ['state'],
      query: { bool: { filter: q.status.length ? [{ terms: { status: q.status } }] : [] } },
      sort: [{ lastSeen: { order: 'desc', unmapped_type: 'date' } }],
    });
    const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
    return { total, clusters: res.hits.hits.map((h) => h._source!) };
  }

  async get(id: string): Promise<ClusterDetail | undefined> {
    try {
      // Of the state only recentTimes is for people; the bulky parts are not fetched at all.
      const doc = (await this.client.es.get<ClusterDoc>({ index: this.client.names.clusters, id, _source_excludes: ['state.signatures', 'state.terms', 'state.authorHashes', 'state.counts'] }))._source;
      if (!doc) return undefined;
      const { state, ...view } = doc;
      return { ...view, recentTimes: state?.recentTimes ?? [] };
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }
}
