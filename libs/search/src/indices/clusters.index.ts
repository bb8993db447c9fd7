import { Inject, Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { ClusterDoc, type ClusterDetail, type ClusterView } from '@vigil/contracts';
import { isNotFound } from '../es-errors';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING, totalOf } from './stored-index';

const keyword: estypes.MappingProperty = { type: 'keyword', ignore_above: 512 };

/**
 * Complaint clusters (writer: detector; read by the api, the cli's replay report and the
 * tests). One document per cluster, `_id` = cluster id, within one watch (`watchId`); `closed` once it
 * went quiet, a later flare linking back (`previousClusterId`). Searchable by title, label and facets; the
 * detector's working state (`state`) rides along unindexed so it can rebuild from here.
 */
export const clustersIndex = singleIndex({
  document: 'clusters',
  suffix: 'clusters',
  writer: 'detector',
  schema: ClusterDoc,
  mappings: {
    dynamic: false,
    properties: {
      id: keyword,
      watchId: keyword,
      title: { type: 'text', analyzer: 'standard', fields: { raw: keyword } },
      label: { type: 'text', analyzer: 'standard', fields: { raw: keyword } },
      topTerms: keyword,
      language: keyword,
      firstSeen: { type: 'date' },
      lastSeen: { type: 'date' },
      size: { type: 'integer' },
      distinctAuthors: { type: 'integer' },
      channels: keyword,
      places: keyword,
      products: keyword,
      categories: keyword,
      orderBatches: keyword,
      riskCues: keyword,
      meanSentiment: { type: 'float' },
      meanEmotionIntensity: { type: 'float' },
      reach: { type: 'double' },
      maxMoney: { type: 'double' },
      sampleMentionIds: keyword,
      velocityPerHour: { type: 'float' },
      growth: { type: 'float' },
      mergedInto: keyword,
      previousClusterId: keyword,
      status: keyword,
      closedAt: { type: 'date' },
      state: { type: 'object', enabled: false },
    },
  },
});

export interface ClusterListQuery {
  /** Empty: every status. */
  status: ClusterDoc['status'][];
  size: number;
  /** `recent` (last seen first, the default) or `largest`. */
  order?: 'recent' | 'largest';
}

/** Read-only access to clusters, without the detector's state. Empty before the detector has run. */
@Injectable()
export class ClustersReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return clustersIndex.name(this.search.options.indexPrefix);
  }

  async list(q: ClusterListQuery): Promise<{ total: number; clusters: ClusterView[] }> {
    const res = await this.search.es.search<ClusterView>({
      ...TOLERATE_MISSING,
      index: this.index,
      size: q.size,
      track_total_hits: true,
      _source_excludes: ['state'],
      query: { bool: { filter: q.status.length ? [{ terms: { status: q.status } }] : [] } },
      sort: q.order === 'largest' ? [{ size: { order: 'desc', unmapped_type: 'long' } }] : [{ lastSeen: { order: 'desc', unmapped_type: 'date' } }],
    });
    return { total: totalOf(res.hits.total), clusters: res.hits.hits.map((h) => h._source!) };
  }

  async get(id: string): Promise<ClusterDetail | undefined> {
    try {
      // Of the state only recentTimes is for people; the bulky parts are not fetched at all.
      const doc = (await this.search.es.get<ClusterDoc>({ index: this.index, id, _source_excludes: ['state.signatures', 'state.terms', 'state.authorHashes', 'state.counts'] }))._source;
      if (!doc) return undefined;
      const { state, ...view } = doc;
      return { ...view, recentTimes: state?.recentTimes ?? [] };
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }
}
