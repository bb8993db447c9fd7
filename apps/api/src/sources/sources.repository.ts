import { Injectable } from '@nestjs/common';
import { SearchClient } from '@vigil/search';

/** What the collector records per source, seen from the api (its cursor stays private). */
export interface SourceHealth {
  sourceId: string;
  status: 'ok' | 'failing' | 'unknown';
  updatedAt?: string;
  lastSuccessAt?: string;
  lastErrorAt?: string;
  lastError?: string;
  errorCount: number;
  itemsEmitted: number;
}

interface StateDoc {
  sourceId: string;
  updatedAt?: string;
  lastSuccessAt?: string;
  lastErrorAt?: string;
  lastError?: string;
  errorCount?: number;
  itemsEmitted?: number;
}

export function toHealth(s: StateDoc): SourceHealth {
  const ok = s.lastSuccessAt ? Date.parse(s.lastSuccessAt) : 0;
  const err = s.lastErrorAt ? Date.parse(s.lastErrorAt) : 0;
  const status = !ok && !err ? 'unknown' : err > ok ? 'failing' : 'ok';
  return { sourceId: s.sourceId, status, updatedAt: s.updatedAt, lastSuccessAt: s.lastSuccessAt, lastErrorAt: s.lastErrorAt, lastError: s.lastError, errorCount: s.errorCount ?? 0, itemsEmitted: s.itemsEmitted ?? 0 };
}

@Injectable()
export class SourcesRepository {
  constructor(private readonly client: SearchClient) {}

  async list(): Promise<SourceHealth[]> {
    const r = await this.client.es.search<StateDoc>({
      index: this.client.names.sourceState,
      ignore_unavailable: true,
      allow_no_indices: true,
      size: 1000,
      _source_includes: ['sourceId', 'updatedAt', 'lastSuccessAt', 'lastErrorAt', 'lastError', 'errorCount', 'itemsEmitted'],
      sort: [{ sourceId: { order: 'asc', unmapped_type: 'keyword' } }],
    });
    return r.hits.hits.map((h) => toHealth(h._source!));
  }
}
