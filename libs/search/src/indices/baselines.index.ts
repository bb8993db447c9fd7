import { Inject, Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { BaselineStatus } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING } from './stored-index';

const keyword: estypes.MappingProperty = { type: 'keyword', ignore_above: 256 };

/**
 * Baseline statuses (writer: detector; read by the api and the dashboard): one document per
 * volume key — a watch, or a category within a watch — `_id` = the key (`burst:<watch>`,
 * `burst:<watch>:category:<id>`). Says whether the key is warming up (too little history), in a
 * coverage gap, or ready, since when and why, and what it expects this hour.
 */
export const baselinesIndex = singleIndex({
  document: 'baseline statuses',
  suffix: 'baselines',
  writer: 'detector',
  schema: BaselineStatus,
  mappings: {
    dynamic: false,
    properties: {
      key: keyword,
      watchId: keyword,
      dimension: keyword,
      value: keyword,
      state: keyword,
      reason: { type: 'text', index: false },
      since: { type: 'date' },
      firstSeen: { type: 'date' },
      learntHours: { type: 'integer' },
      neededHours: { type: 'integer' },
      expectedPerHour: { type: 'float' },
      dispersion: { type: 'float' },
      at: { type: 'date' },
    },
  },
});

/** Reads baseline statuses; before the detector has run there are none. */
@Injectable()
export class BaselinesReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return baselinesIndex.name(this.search.options.indexPrefix);
  }

  /** Statuses of one watch (or all), warming-up and gap states first. */
  async list(watchId?: string, size = 500): Promise<BaselineStatus[]> {
    const r = await this.search.es.search<BaselineStatus>({
      ...TOLERATE_MISSING,
      index: this.index,
      size,
      query: watchId ? { term: { watchId } } : { match_all: {} },
      sort: [{ state: { order: 'desc', unmapped_type: 'keyword' } }, { key: { order: 'asc', unmapped_type: 'keyword' } }],
    });
    return r.hits.hits.flatMap((h) => {
      const p = BaselineStatus.safeParse(h._source);
      return p.success ? [p.data] : [];
    });
  }
}
