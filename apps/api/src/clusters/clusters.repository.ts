import { Injectable } from '@nestjs/common';
import { errors } from '@elastic/elasticsearch';
import type { ClusterDoc } from '@vigil/contracts';
import { SearchClient } from '@vigil/search';

/** The detector's internal carry-over state is not for people; lists and details leave it out. */
export type ClusterView = Omit<ClusterDoc, 'state'>;

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

  async get(id: string): Promise<ClusterView | undefined> {
    try {
      return (await this.client.es.get<ClusterView>({ index: this.client.names.clusters, id, _source_excludes: ['state'] }))._source;
    } catch (e) {
      if (e instanceof errors.ResponseError && e.statusCode === 404) return undefined;
      throw e;
    }
  }
}
